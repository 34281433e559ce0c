using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Model;
using GateDsl.Training.Tasks;
using static TorchSharp.torch;

namespace GateDsl.Training.Tests;

/// <summary>
/// The gate probe is the compiled layer's step observer, for every cell: it leaves the outputs as they
/// are, records the gates of real steps, and the gradients it retains at the pre-activations are the
/// ones backpropagation computes (per layer they add up to the bias gradient, since z = ... + b).
/// </summary>
public sealed class GateProbeTests
{
    private const int Hidden = 8;

    [Theory]
    [InlineData("LSTM")] // libtorch's fused kernel without the probe, its weights step by step with it
    [InlineData("CIFG")]
    [InlineData("BBetaLSTM5GPrior")] // Gamma draws, a prior, the fused CPU kernel without the probe
    public void Probed_gradients_add_up_to_each_layers_bias_gradient(string cell)
    {
        var task = new MusicTask(TestData.Music(4, 1, 1));
        var (model, core) = Model(task, cell);
        using (model)
        {
            model.train();
            using var scope = NewDisposeScope();
            var batch = task.MakeBatch(Split.Train, [0, 1, 2, 3]);
            Assert.NotNull(batch.StepMask); // pieces of unequal length: padded rows must get no gradient
            using var probe = new GateProbe(recordValues: false, recordGradients: true);
            var output = model.Forward(batch, probe);
            var loss = (task.Loss(output.Logits, batch).DataSum + output.Kl) / batch.Items;
            loss.backward();

            var layer = (GateLayer)core.Module;
            for (var l = 0; l < 2; l++)
            {
                using var expected = BiasGradient(layer, l);
                using var actual = probe.GradientSum(l);
                Assert.NotNull(actual);
                var difference = (actual - expected).abs().max().item<float>();
                var scale = expected.abs().max().item<float>();
                Assert.True(difference <= 1e-4f * scale + 1e-7f, $"layer {l}: max |probe sum - bias grad| = {difference}, max |bias grad| = {scale}");
            }

            var means = probe.MeanAbsoluteGradients(core.GateHeads);
            Assert.Equal(["candidate", "f", "i", "o"], means.Keys.Order());
            Assert.All(means.Values, v => Assert.True(v > 0 && double.IsFinite(v), $"mean |dLoss/dz| {v}"));
        }
    }

    [Theory]
    [InlineData("LSTM")]
    [InlineData("BBetaLSTM5G")]
    public void Probing_changes_no_output_and_records_the_gates_of_real_steps(string cell)
    {
        var task = new MusicTask(TestData.Music(4, 1, 1));
        var (model, _) = Model(task, cell);
        using (model)
        {
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var batch = task.MakeBatch(Split.Train, [0, 1, 2, 3]);
            var plain = model.Forward(batch).Logits;
            using var probe = new GateProbe(recordValues: true, recordGradients: false);
            var probed = model.Forward(batch, probe).Logits;

            var difference = (plain - probed).abs().max().item<float>();
            Assert.True(difference < 1e-5f, $"max |logits without - with the probe| = {difference}");
            var realSteps = batch.StepMask!.sum().item<long>();
            foreach (var layer in new[] { 0, 1 })
            {
                var (i, f) = probe.Values[layer];
                Assert.Equal(realSteps * Hidden, i.Count);
                Assert.Equal(i.Count, f.Count);
                Assert.All(i.Concat(f), v => Assert.InRange(v, 0f, 1f));
            }
        }
    }

    [Fact]
    public void Gate_heads_follow_the_cells_programs()
    {
        var spec = RepoPaths.Stdlib("cells.gate");
        IReadOnlyDictionary<string, IReadOnlyList<int>> Heads(string cell) =>
            GateHeads.Of(GateDsl.Compiler.GateCompiler.Compile(spec).Cell(cell));

        var lstm = Heads("LSTM");
        Assert.Equal([0], lstm["i"]);
        Assert.Equal([1], lstm["f"]);
        Assert.Equal([2], lstm["o"]);
        Assert.Equal([3], lstm["candidate"]);

        var cifg = Heads("CIFG");
        Assert.Equal(cifg["i"], cifg["f"]); // f = 1 - i

        // i = (g1 + g3) / (g1 + g3 + g4 + g5), f = (g2 + g4) / (g2 + g4 + g3 + g5): g[k]'s shape is head k - 1.
        var fiveGamma = Heads("BBetaLSTM5G");
        Assert.Equal([0, 2, 3, 4], fiveGamma["i"]);
        Assert.Equal([1, 2, 3, 4], fiveGamma["f"]);
        Assert.Equal([5], fiveGamma["o"]);
        Assert.Equal([6], fiveGamma["candidate"]);
    }

    private static (SequenceModel Model, IRecurrentCore Core) Model(TrainingTask task, string cell)
    {
        manual_seed(5);
        var core = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), cell).Factory!.Create(task.InputSize, Hidden, 2, 0.3, DropoutKind.Locked);
        return (new SequenceModel(task, core), core);
    }

    /// <summary>The gradient of layer <paramref name="l"/>'s bias in the cell's head order (nn.LSTM's rows reordered on the fused path).</summary>
    private static Tensor BiasGradient(GateLayer layer, int l)
    {
        if (layer.Path != ExecutionPath.FusedLstm)
        {
            return layer.Cells[l].Bias.grad!.clone();
        }

        var bias = layer.named_parameters().Single(p => p.name == $"fused.{l}.lstm.bias_ih_l0").parameter.grad!;
        var blocks = StandardLstm.BlockOfHead(StandardLstm.Match(layer.Ir)!.Value);
        return cat(blocks.Select(b => bias.narrow(0, b * Hidden, Hidden)).ToArray());
    }
}
