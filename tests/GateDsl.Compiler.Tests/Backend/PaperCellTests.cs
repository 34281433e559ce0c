using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// Every stochastic stdlib cell, compiled, equals the same cell written by hand from PAPER.md's
/// equations (<see cref="PaperCells"/>) given the same weights and the same draws: in training (draws
/// from one <see cref="KeyedDrawSource"/>), in evaluation (the closed-form mean gates), and in the KL;
/// and backward reaches every weight. Float64; the two differ only by rounding.
/// </summary>
public sealed class PaperCellTests
{
    private const int Input = 3;
    private const int Hidden = 5;
    private const int Batch = 4;
    private const int Steps = 6;

    public static TheoryData<string> Cells => new() { "CIFG", "G2LSTM", "BetaLSTM", "BBetaLSTM", "BBetaLSTM5G", "BBetaLSTM5GPrior", "KumaraswamyLSTM" };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Training_steps_equal_the_paper_equations(string name) => Compare(name, training: true);

    [Theory]
    [MemberData(nameof(Cells))]
    public void Evaluation_steps_equal_the_closed_form_mean_gates(string name) => Compare(name, training: false);

    [Theory]
    [MemberData(nameof(Cells))]
    public void Backward_reaches_every_weight(string name)
    {
        using var scope = torch.NewDisposeScope();
        var cell = StdlibCells.Spec.CreateCell(name, Input, Hidden, generator: new Generator(3)).to(ScalarType.Float64);
        cell.Draws = new KeyedDrawSource(4);
        cell.train();
        cell.BeginSequence();
        var inputs = torch.randn([Steps, Batch, Input], ScalarType.Float64, generator: new Generator(5));
        var (h, c) = cell.ZeroState(Batch);
        for (var t = 0; t < Steps; t++)
        {
            (h, c) = cell.call(inputs[t], h, c);
        }

        (h.square().sum() + c.sum() + cell.Kl).backward();
        foreach (var (parameterName, parameter) in cell.named_parameters())
        {
            Assert.NotNull(parameter.grad);
            var norm = parameter.grad!.norm().item<double>();
            Assert.True(norm > 0 && double.IsFinite(norm), $"{name}: gradient of {parameterName} has norm {norm}");
        }
    }

    [Fact]
    public void The_prior_KL_equals_the_closed_form_summed_over_units_steps_and_batch()
    {
        using var scope = torch.NewDisposeScope();
        var (kl, expected) = Run("BBetaLSTM5GPrior", training: true).Kl;
        Assert.True(expected > 0);
        Assert.Equal(expected, kl, expected * 1e-10);
    }

    private static void Compare(string name, bool training)
    {
        using var scope = torch.NewDisposeScope();
        var run = Run(name, training);
        Assert.True(run.Worst < 1e-12, $"{name} ({(training ? "training" : "evaluation")}): max |compiled - by hand| = {run.Worst:G3}");
        Assert.Equal(run.Kl.Expected, run.Kl.Compiled, Math.Max(1e-12, Math.Abs(run.Kl.Expected) * 1e-10));
    }

    private static (double Worst, (double Compiled, double Expected) Kl) Run(string name, bool training)
    {
        var ir = StdlibCells.Spec.Cell(name);
        var cell = StdlibCells.Spec.CreateCell(name, Input, Hidden, generator: new Generator(7)).to(ScalarType.Float64);
        var source = new KeyedDrawSource(8);
        cell.Draws = source;
        cell.train(training);
        cell.BeginSequence();
        var byHand = PaperCells.For(name);
        var inputs = torch.randn([Steps, Batch, Input], ScalarType.Float64, generator: new Generator(9));
        var (h, c) = cell.ZeroState(Batch);
        var (hr, cr) = (h.clone(), c.clone());
        var worst = 0.0;
        var kl = 0.0;
        for (var t = 0; t < Steps; t++)
        {
            (h, c) = cell.call(inputs[t], h, c);
            var z = cell.Bias + inputs[t].mm(cell.WeightIh.t()) + hr.mm(cell.WeightHh.t());
            var program = training ? ir.Training : ir.Evaluation;
            var (i, f, o, g, stepKl) = byHand(z, Hidden, PaperCells.Draws(source, program, 0, cell.SequenceCount - 1, t), training);
            cr = (f * cr) + (i * g);
            hr = o * cr.tanh();
            kl += stepKl?.sum().item<double>() ?? 0;
            worst = Math.Max(worst, Math.Max(MaxAbs(h, hr), MaxAbs(c, cr)));
        }

        return (worst, (cell.Kl.item<double>(), kl));
    }

    private static double MaxAbs(Tensor a, Tensor b) => (a - b).abs().max().item<double>();
}
