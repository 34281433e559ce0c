using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>The sequence layer's conventions: padding, batch-first, initial state, dropout, KL.</summary>
public sealed class LayerTests
{
    private const int Input = 4;
    private const int Hidden = 6;

    [Theory]
    [InlineData("BBetaLSTM5GPrior")]
    [InlineData("CIFG")]
    public void A_padded_batch_gives_what_each_sequence_gives_alone(string name)
    {
        using var scope = torch.NewDisposeScope();
        var layer = StdlibCells.Spec.CreateLayer(name, Input, Hidden, layers: 2, generator: new Generator(1)).to(ScalarType.Float64);
        layer.eval(); // deterministic: the same sequence must give the same numbers in and out of a batch
        long[] lengths = [7, 3, 5];
        var input = torch.randn([7, 3, Input], ScalarType.Float64, generator: new Generator(2));
        var mask = torch.arange(7, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(lengths).unsqueeze(0));
        var batched = layer.call(input, mask, null);

        var klAlone = 0.0;
        for (var b = 0; b < lengths.Length; b++)
        {
            var alone = layer.call(input.narrow(0, 0, lengths[b]).narrow(1, b, 1), null, null);
            klAlone += alone.Kl.item<double>();
            AssertClose(alone.Output.squeeze(1), batched.Output.narrow(0, 0, lengths[b]).select(1, b), $"outputs of row {b}");
            for (var l = 0; l < 2; l++)
            {
                AssertClose(alone.Final[l].H.squeeze(0), batched.Final[l].H[b], $"final h of layer {l}, row {b}");
                AssertClose(alone.Final[l].C.squeeze(0), batched.Final[l].C[b], $"final c of layer {l}, row {b}");
            }
        }

        Assert.Equal(0.0, batched.Output.narrow(0, 3, 4).select(1, 1).abs().sum().item<double>()); // padded outputs are 0
        Assert.Equal(klAlone, batched.Kl.item<double>(), Math.Abs(klAlone) * 1e-12);
    }

    [Fact]
    public void Batch_first_layers_give_the_transposed_result()
    {
        using var scope = torch.NewDisposeScope();
        var timeFirst = StdlibCells.Spec.CreateLayer("BBetaLSTM", Input, Hidden, generator: new Generator(3)).to(ScalarType.Float64);
        var batchFirst = StdlibCells.Spec.CreateLayer("BBetaLSTM", Input, Hidden, batchFirst: true).to(ScalarType.Float64);
        batchFirst.LoadWeights(timeFirst.Weights());
        timeFirst.eval();
        batchFirst.eval();
        var input = torch.randn([5, 2, Input], ScalarType.Float64, generator: new Generator(4));
        var a = timeFirst.call(input, null, null);
        var b = batchFirst.call(input.transpose(0, 1), null, null);
        AssertClose(a.Output, b.Output.transpose(0, 1), "outputs");
    }

    [Fact]
    public void An_initial_state_is_where_the_sequence_starts()
    {
        using var scope = torch.NewDisposeScope();
        var layer = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden, path: ExecutionPath.Generic, generator: new Generator(5)).to(ScalarType.Float64);
        var input = torch.randn([6, 2, Input], ScalarType.Float64, generator: new Generator(6));
        var whole = layer.call(input, null, null);
        var first = layer.call(input.narrow(0, 0, 2), null, null);
        var rest = layer.call(input.narrow(0, 2, 4), null, first.Final);
        AssertClose(whole.Output.narrow(0, 2, 4), rest.Output, "outputs after the split");
    }

    [Fact]
    public void Locked_dropout_drops_the_same_units_at_every_step_and_plain_dropout_does_not()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var ones = torch.ones(50, 4, 32, ScalarType.Float64);

        var locked = GateLayer.Dropout(ones, 0.5, DropoutKind.Locked, training: true);
        Assert.True(locked.eq(locked[0].unsqueeze(0)).all().item<bool>(), "a locked mask changed over time");
        Assert.True(locked.eq(0).any().item<bool>() && locked.eq(2).any().item<bool>(), "kept units are scaled by 1/(1-p) = 2, dropped ones are 0");
        Assert.True(locked.eq(0).logical_or(locked.eq(2)).all().item<bool>());

        // 49 later masks of 128 units all equal to the first: probability 2^-(128*49) for plain dropout.
        var plain = GateLayer.Dropout(ones, 0.5, DropoutKind.Plain, training: true);
        Assert.False(plain.eq(plain[0].unsqueeze(0)).all().item<bool>(), "a plain mask was shared over time");

        Assert.Same(ones, GateLayer.Dropout(ones, 0.5, DropoutKind.Locked, training: false));
    }

    [Fact]
    public void Wrong_shapes_dtypes_and_devices_are_named_with_what_was_expected()
    {
        using var scope = torch.NewDisposeScope();
        var layer = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", Input, Hidden);
        var shape = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(5, 2, Input + 1), null, null));
        Assert.Contains("must have shape [time, batch, 4] (input size 4), but has shape [5, 2, 5]", shape.Message);
        var rank = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(2, Input), null, null));
        Assert.Contains("but has shape [2, 4]", rank.Message);
        var dtype = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros([5, 2, Input], ScalarType.Float64), null, null));
        Assert.Contains("must be float32 like the module's weights, but is float64", dtype.Message);
        var mask = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(5, 2, Input), torch.ones(5, 3, ScalarType.Bool), null));
        Assert.Contains("the mask must have shape [5, 2] (time, batch of the input), but has shape [5, 3]", mask.Message);
        var maskType = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(5, 2, Input), torch.ones(5, 2), null));
        Assert.Contains("must be bool", maskType.Message);
        var state = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(5, 2, Input), null, [(torch.zeros(2, Hidden), torch.zeros(2, Hidden)), (torch.zeros(2, Hidden), torch.zeros(2, Hidden))]));
        Assert.Contains("one (h, c) per layer (1), but has 2", state.Message);

        var cell = StdlibCells.Spec.CreateCell("BBetaLSTM5G", Input, Hidden);
        var h = Assert.Throws<ArgumentException>(() => cell.call(torch.zeros(3, Input), torch.zeros(3, Hidden + 1), torch.zeros(3, Hidden)));
        Assert.Contains("the hidden state h must have shape [3, 6] (batch of the input, hidden size 6), but has shape [3, 7]", h.Message);
    }

    [Fact]
    public void The_fused_path_refuses_cells_that_are_not_the_LSTM_and_masks_with_gaps()
    {
        using var scope = torch.NewDisposeScope();
        var notLstm = Assert.Throws<ArgumentException>(() => StdlibCells.Spec.CreateLayer("CIFG", Input, Hidden, path: ExecutionPath.FusedLstm));
        Assert.Contains("is not exactly the standard LSTM", notLstm.Message);
        var layer = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden);
        Assert.Equal(ExecutionPath.FusedLstm, layer.Path);
        var gap = torch.ones(4, 2, ScalarType.Bool);
        gap[1, 0] = false;
        var error = Assert.Throws<ArgumentException>(() => layer.call(torch.zeros(4, 2, Input), gap, null));
        Assert.Contains("has a gap", error.Message);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        var difference = (expected - actual).abs().max().item<double>();
        Assert.True(difference < 1e-12, $"{what} differ by {difference:G3}");
    }
}
