using GateDsl.Training.Cores;
using static TorchSharp.torch;

namespace GateDsl.Training.Tests;

/// <summary>The interim nn.LSTM core: its unrolled probing path computes what the fused kernel does, and reports gates and gradients.</summary>
public sealed class TorchLstmCoreTests
{
    [Fact]
    public void Unrolled_path_equals_the_fused_kernel_and_records_every_gate()
    {
        manual_seed(5);
        using var core = new TorchLstmCore("LSTM", inputSize: 7, hiddenSize: 9, layerCount: 2, dropout: 0.5, DropoutKind.Plain);
        core.eval();
        using var input = randn(11, 4, 7);
        var probe = new GateProbe(recordValues: true, recordGradients: false);

        var fused = core.Forward(input, null);
        var unrolled = core.Forward(input, null, probe);

        Assert.True(fused.Output.sub(unrolled.Output).abs().max().item<float>() < 1e-5f);
        for (var l = 0; l < 2; l++)
        {
            Assert.True(fused.Final[l].H.sub(unrolled.Final[l].H).abs().max().item<float>() < 1e-5f);
            Assert.True(fused.Final[l].C.sub(unrolled.Final[l].C).abs().max().item<float>() < 1e-5f);
            Assert.Equal(11 * 4 * 9, probe.Values[l].I.Count);
            Assert.All(probe.Values[l].F, f => Assert.InRange(f, 0f, 1f));
        }

        Assert.Equal(0f, fused.Kl.item<float>());
    }

    [Fact]
    public void Probe_reports_the_gradient_reaching_each_head_on_real_steps_only()
    {
        manual_seed(6);
        using var core = new TorchLstmCore("LSTM", inputSize: 3, hiddenSize: 5, layerCount: 1, dropout: 0, DropoutKind.Plain);
        using var input = randn(6, 2, 3);

        // Sequence 1 is padded after 2 steps; the loss reads only its real steps.
        using var mask = tensor(new[] { true, true, true, true, true, false, true, false, true, false, true, false }, new long[] { 6, 2 });
        var probe = new GateProbe(recordValues: true, recordGradients: true);
        var result = core.Forward(input, mask, probe);
        result.Output.masked_fill(mask.logical_not().unsqueeze(2), 0).sum().backward();

        var gradients = probe.MeanAbsoluteGradients();
        Assert.Equal(["candidate", "f", "i", "o"], gradients.Keys.Order());
        Assert.All(gradients.Values, g => Assert.True(g > 0));
        Assert.Equal(8 * 5, probe.Values[0].I.Count);
    }

    [Fact]
    public void Parameter_count_is_what_the_module_holds()
    {
        using var core = new TorchLstmCore("LSTM", inputSize: 88, hiddenSize: 200, layerCount: 2, dropout: 0.1, DropoutKind.Locked);

        Assert.Equal(core.parameters().Sum(p => p.numel()), core.ParameterCount);
        Assert.Equal(553_600, core.ParameterCount); // 4*200*(88+200) + 8*200 + 4*200*(200+200) + 8*200
    }

    [Fact]
    public void Locked_dropout_keeps_one_mask_for_every_step()
    {
        manual_seed(8);
        using var core = new TorchLstmCore("LSTM", inputSize: 2, hiddenSize: 50, layerCount: 2, dropout: 0.5, DropoutKind.Locked);
        using var ones = TorchSharp.torch.ones(20, 3, 50);

        var dropped = core.Drop(ones);

        var zeros = dropped.eq(0);
        Assert.True(zeros.any().item<bool>());
        Assert.True(zeros.eq(zeros[0].unsqueeze(0)).all().item<bool>());
    }
}
