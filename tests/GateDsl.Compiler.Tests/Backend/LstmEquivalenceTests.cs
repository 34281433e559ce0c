using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The compiled stdlib LSTM computes what TorchSharp's nn.LSTMCell and nn.LSTM compute with the same
/// weights (nn.LSTM's row blocks are i, f, g, o; the cell's heads are i, f, o, g in source order;
/// nn.LSTM's second bias is 0): max abs difference over 50 steps below 1e-5 in float32 and 1e-10 in
/// float64, on the generic path and on the fused one.
/// </summary>
public sealed class LstmEquivalenceTests
{
    private const int Input = 7;
    private const int Hidden = 12;
    private const int Batch = 5;
    private const int Steps = 50;

    // nn.LSTM row block b holds the cell's head HeadOfBlock[b]: i = 0, f = 1, g = 3, o = 2.
    private static readonly int[] HeadOfBlock = [0, 1, 3, 2];

    public static TheoryData<ScalarType, double> Precisions => new()
    {
        { ScalarType.Float32, 1e-5 },
        { ScalarType.Float64, 1e-10 },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Generic_cell_equals_LSTMCell(ScalarType dtype, double tolerance)
    {
        using var scope = torch.NewDisposeScope();
        var cell = StdlibCells.Spec.CreateCell("LSTM", Input, Hidden, generator: new Generator(11)).to(dtype);
        var reference = nn.LSTMCell(Input, Hidden).to(dtype);
        using (torch.no_grad())
        {
            reference.weight_ih!.copy_(ToTorchOrder(cell.WeightIh));
            reference.weight_hh!.copy_(ToTorchOrder(cell.WeightHh));
            reference.bias_ih!.copy_(ToTorchOrder(cell.Bias));
            reference.bias_hh!.zero_();
        }

        var inputs = torch.randn([Steps, Batch, Input], dtype, generator: new Generator(12));
        var (h, c) = cell.ZeroState(Batch);
        var (hr, cr) = (h.clone(), c.clone());
        var worst = 0.0;
        for (var t = 0; t < Steps; t++)
        {
            (h, c) = cell.call(inputs[t], h, c);
            (hr, cr) = reference.call(inputs[t], (hr, cr));
            worst = Math.Max(worst, Math.Max(MaxAbs(h, hr), MaxAbs(c, cr)));
        }

        Assert.True(worst < tolerance, $"max |compiled - LSTMCell| = {worst:G3} over {Steps} steps ({dtype})");
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Layers_on_both_paths_equal_nn_LSTM(ScalarType dtype, double tolerance)
    {
        using var scope = torch.NewDisposeScope();
        var generic = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden, layers: 2, path: ExecutionPath.Generic, generator: new Generator(21)).to(dtype);
        var fused = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden, layers: 2, path: ExecutionPath.FusedLstm).to(dtype);
        Assert.Equal(ExecutionPath.Generic, generic.Path);
        Assert.Equal(ExecutionPath.FusedLstm, fused.Path);
        fused.LoadWeights(generic.Weights());

        var reference = nn.LSTM(Input, Hidden, numLayers: 2).to(dtype);
        using (torch.no_grad())
        {
            var weights = generic.Weights();
            for (var l = 0; l < 2; l++)
            {
                reference.get_parameter($"weight_ih_l{l}")!.copy_(ToTorchOrder(weights[l].WeightIh));
                reference.get_parameter($"weight_hh_l{l}")!.copy_(ToTorchOrder(weights[l].WeightHh));
                reference.get_parameter($"bias_ih_l{l}")!.copy_(ToTorchOrder(weights[l].Bias));
                reference.get_parameter($"bias_hh_l{l}")!.zero_();
            }
        }

        var input = torch.randn([Steps, Batch, Input], dtype, generator: new Generator(22));
        var (output, hn, cn) = reference.call(input);
        foreach (var layer in new[] { generic, fused })
        {
            var result = layer.call(input, null, null);
            var worst = new[]
            {
                MaxAbs(result.Output, output),
                MaxAbs(result.Final[0].H, hn[0]), MaxAbs(result.Final[1].H, hn[1]),
                MaxAbs(result.Final[0].C, cn[0]), MaxAbs(result.Final[1].C, cn[1]),
            }.Max();
            Assert.True(worst < tolerance, $"{layer.Path}: max |layer - nn.LSTM| = {worst:G3} ({dtype})");
            Assert.Equal(0.0, result.Kl.to(ScalarType.Float64).item<double>());
        }
    }

    [Fact]
    public void Fused_and_generic_paths_agree_on_padded_batches_and_in_gradients()
    {
        using var scope = torch.NewDisposeScope();
        var generic = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden, path: ExecutionPath.Generic, generator: new Generator(31)).to(ScalarType.Float64);
        var fused = StdlibCells.Spec.CreateLayer("LSTM", Input, Hidden, path: ExecutionPath.FusedLstm).to(ScalarType.Float64);
        fused.LoadWeights(generic.Weights());
        var input = torch.randn([Steps, Batch, Input], ScalarType.Float64, generator: new Generator(32));
        var lengths = new long[] { 50, 3, 27, 1, 49 };
        var mask = torch.arange(Steps, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(lengths).unsqueeze(0));

        var a = generic.call(input, mask, null);
        var b = fused.call(input, mask, null);
        Assert.True(MaxAbs(a.Output, b.Output) < 1e-10, $"outputs differ by {MaxAbs(a.Output, b.Output):G3}");
        Assert.True(MaxAbs(a.Final[0].H, b.Final[0].H) < 1e-10, "final h differs");
        Assert.True(MaxAbs(a.Final[0].C, b.Final[0].C) < 1e-10, "final c differs");

        (a.Output.square().sum() + a.Final[0].C.sum()).backward();
        (b.Output.square().sum() + b.Final[0].C.sum()).backward();
        var genericGrad = generic.Weights().Single().WeightHh.grad!;
        var fusedGrad = ToFusedLayout(Grad(fused, "weight_hh_l0")); // nn.LSTM owns the fused path's weights
        Assert.True(MaxAbs(genericGrad, fusedGrad) < 1e-10, $"W_hh gradients differ by {MaxAbs(genericGrad, fusedGrad):G3}");
    }

    /// <summary>Rows of a cell-layout tensor rearranged into nn.LSTM's block order.</summary>
    private static Tensor ToTorchOrder(Tensor cellLayout)
    {
        var hidden = cellLayout.shape[0] / 4;
        return torch.cat(HeadOfBlock.Select(head => cellLayout.narrow(0, head * hidden, hidden)).ToArray(), 0);
    }

    /// <summary>Rows of an nn.LSTM-order tensor back into the cell's head order.</summary>
    private static Tensor ToFusedLayout(Tensor torchOrder)
    {
        var hidden = torchOrder.shape[0] / 4;
        var blocks = new Tensor[4];
        for (var b = 0; b < 4; b++)
        {
            blocks[HeadOfBlock[b]] = torchOrder.narrow(0, b * hidden, hidden);
        }

        return torch.cat(blocks, 0);
    }

    private static Tensor Grad(nn.Module module, string suffix) =>
        module.named_parameters().Single(p => p.name.EndsWith(suffix, StringComparison.Ordinal)).parameter.grad!;

    private static double MaxAbs(Tensor a, Tensor b) => (a - b).abs().max().to(ScalarType.Float64).item<double>();
}
