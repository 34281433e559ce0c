using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Ir;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// Gates that are ratios of Gamma draws with tiny shapes: the draws underflow any dtype (G(a) is
/// below 1e-308 half the time at a = 1e-3), so a ratio formed from the draws would be 0/0, or 1/2
/// for draws clamped at the smallest normal number. Lowering turns every Gamma ratio into an
/// <see cref="IrRatio"/> that backends form from the draws' logarithms, giving values at 0 or 1 with
/// P(near 1) = a / (a + b), as Beta(a, b) with tiny shapes has.
/// </summary>
public sealed class TinyShapeTests
{
    private const string Spec = """
        cell Tiny {
          draw g[1..2] ~ Gamma(0.0005 + 0.0001 * sigmoid(linear))
          gate i = g[1] / (g[1] + g[2])
          gate f = sigmoid(linear)
          gate o = sigmoid(linear)
          candidate = tanh(linear)
          evaluate sample
        }
        """;

    [Fact]
    public void Lowering_makes_every_Gamma_ratio_an_IrRatio()
    {
        var ir = GateCompiler.CompileText(Spec, "tiny.gate").Cell("Tiny");
        var ratio = Assert.IsType<IrRatio>(ir.Training.Nodes[ir.Training.Slots.InputGate]);
        Assert.Single(ratio.Numerator);
        Assert.Single(ratio.Rest);
        Assert.Equal(LawFamily.Beta, ir.Gate("i").Law!.Family);
        var fiveGamma = StdlibCells.Spec.Cell("BBetaLSTM5G").Training;
        Assert.Equal(2, fiveGamma.Nodes.OfType<IrRatio>().Count());
        Assert.DoesNotContain(fiveGamma.Nodes, n => n is IrBinary { Operator: Language.Syntax.BinaryOperator.Divide });
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Ratios_of_tiny_Gamma_draws_sit_at_0_or_1_as_their_Beta_law_does(ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var cell = GateCompiler.CompileText(Spec, "tiny.gate").CreateCell("Tiny", 1, 1000, generator: new Generator(1)).to(dtype);
        cell.Draws = new TorchDrawSource(2);
        cell.CaptureGates = true;
        cell.call(torch.zeros(1, 1, dtype), torch.zeros(1, 1000, dtype), torch.zeros(1, 1000, dtype));
        var i = cell.CapturedGates.Single().InputGate.to(ScalarType.Float64);

        Assert.True(i.isfinite().all().item<bool>(), "a gate is NaN or infinite");
        // Beta(a, b) with a, b in [5e-4, 6e-4] puts mass 1 - O(a) within 1e-3 of 0 or 1:
        // P(1e-3 < X < 1 - 1e-3) < 2 (a + b) ln(1000) < 0.017. More than 10% of 1,000 independent units
        // there has probability below exp(-1000 KL(0.1 || 0.017)) = 3e-43 (Chernoff), which spends
        // nothing; a ratio of clamped draws gives 1/2 instead.
        var middle = i.gt(1e-3).logical_and(i.lt(1 - 1e-3)).to(ScalarType.Float64).mean().item<double>();
        Assert.True(middle < 0.1, $"{middle:P1} of the gates lie away from 0 and 1");

        // P(X > 1/2) = a / (a + b) + O(a) lies in [5/11, 6/11] for every unit; the share of 1,000 independent
        // units leaves [0.35, 0.65] (0.1045 from the mean at least) with probability at most
        // 2 exp(-2 1000 0.1045^2) = 6.6e-10 (Hoeffding): counted at 1e-9 per dtype.
        var high = i.gt(0.5).to(ScalarType.Float64).mean().item<double>();
        TestBudget.Check(high is >= 0.35 and <= 0.65, 1e-9, $"tiny-shape ratio ({dtype}): share near 1 {high:G4}, expected within [0.35, 0.65]");
    }
}
