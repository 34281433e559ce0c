using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// For generated valid cells (<see cref="ValidCellGen"/>) and random inputs of several scales, in
/// both dtypes, training and evaluation: every gate value lies in [0, 1] (saturation to exactly 0
/// or 1 allowed), outputs, state and KL are finite, and the layer's parameter count equals the
/// tensors it trains and what `gatec describe` computes from K.
/// </summary>
public sealed class GeneratedCellProperties
{
    private static Gen<Case> Cases =>
        from spec in ValidCellGen.Spec
        from input in Gen.Choose(1, 5)
        from hidden in Gen.Choose(1, 6)
        from layers in Gen.Choose(1, 2)
        from scale in Gen.Elements(0.1, 1.0, 30.0)
        from dtype in Gen.Elements(ScalarType.Float32, ScalarType.Float64)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(spec, input, hidden, layers, scale, dtype, seed);

    [Property(MaxTest = 60, Replay = "(20261130,77)")]
    public Property Gates_stay_in_the_unit_interval_and_everything_is_finite() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            using var scope = torch.NewDisposeScope();
            var spec = GateCompiler.CompileText(c.Spec, "generated.gate");
            Assert.False(spec.HasErrors, "the generator made a spec with errors:\n" + string.Join("\n", spec.Diagnostics) + "\n" + c.Spec);

            var layer = spec.CreateLayer("G", c.Input, c.Hidden, layers: c.Layers, path: ExecutionPath.Generic, generator: new Generator((ulong)c.Seed)).to(c.DType);
            layer.Draws = new TorchDrawSource((ulong)c.Seed + 1);
            var expected = Enumerable.Range(0, c.Layers).Sum(l => new CellLayout(spec.Compilation.Cells[0].HeadCount, l == 0 ? c.Input : c.Hidden, c.Hidden).ParameterCount);
            Assert.Equal(expected, layer.ParameterCount);
            Assert.Equal(expected, layer.parameters().Where(p => p.requires_grad).Sum(p => p.numel()));

            var input = torch.randn([7, 3, c.Input], c.DType, generator: new Generator((ulong)c.Seed + 2)) * c.Scale;
            foreach (var training in new[] { true, false })
            {
                layer.train(training);
                foreach (var cell in layer.Cells)
                {
                    cell.CaptureGates = true;
                }

                var result = layer.call(input, null, null);
                Assert.True(result.Output.isfinite().all().item<bool>(), Where(c, training, "output"));
                Assert.True(result.Kl.isfinite().item<bool>(), Where(c, training, "KL"));
                foreach (var (h, cState) in result.Final)
                {
                    Assert.True(h.isfinite().all().item<bool>() && cState.isfinite().all().item<bool>(), Where(c, training, "final state"));
                }

                foreach (var step in layer.Cells.SelectMany(cell => cell.CapturedGates))
                {
                    foreach (var (gate, values) in new[] { ("i", step.InputGate), ("f", step.ForgetGate), ("o", step.OutputGate) })
                    {
                        var inside = values.ge(0).logical_and(values.le(1)).all().item<bool>();
                        Assert.True(inside, Where(c, training, $"gate {gate} outside [0, 1]: min {values.min().to(ScalarType.Float64).item<double>()}, max {values.max().to(ScalarType.Float64).item<double>()}"));
                    }
                }
            }
        });

    private static string Where(Case c, bool training, string what) =>
        $"{what} ({(training ? "training" : "evaluation")}, {c.DType}, input scale {c.Scale}) for\n{c.Spec}";

    /// <summary>One generated situation.</summary>
    public sealed record Case(string Spec, int Input, int Hidden, int Layers, double Scale, ScalarType DType, int Seed);
}
