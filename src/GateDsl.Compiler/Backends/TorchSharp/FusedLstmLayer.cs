using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// One layer of a standard-LSTM cell run by libtorch's fused kernel (TorchSharp nn.LSTM, one layer).
/// nn.LSTM owns the weights, in its row order (i, f, g, o) and with two biases; the cell's own layout
/// (its heads' order, one bias) is <see cref="CanonicalWeights"/>. The second bias is kept at 0 and
/// frozen, so the trainable parameters are exactly the cell's K*H*(I+H) + K*H.
/// </summary>
internal sealed class FusedLstmLayer : nn.Module
{
    private readonly LSTM lstm;
    private readonly long[] _canonicalRows;

    public FusedLstmLayer(string name, (int I, int F, int O, int G) heads, long inputSize, long hiddenSize, Generator? generator)
        : base(name)
    {
        lstm = nn.LSTM(inputSize, hiddenSize, numLayers: 1, bias: true);
        HiddenSize = hiddenSize;
        var blocks = StandardLstm.BlockOfHead(heads);
        _canonicalRows = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, (int)hiddenSize).Select(j => (blocks[k] * hiddenSize) + j)).ToArray();
        var bound = 1.0 / Math.Sqrt(hiddenSize);
        using (torch.no_grad())
        {
            WeightIh.uniform_(-bound, bound, generator);
            WeightHh.uniform_(-bound, bound, generator);
            BiasIh.uniform_(-bound, bound, generator);
            BiasHh.zero_();
        }

        BiasHh.requires_grad = false;
        RegisterComponents();
    }

    public long HiddenSize { get; }

    private Parameter WeightIh => lstm.get_parameter("weight_ih_l0")!;

    private Parameter WeightHh => lstm.get_parameter("weight_hh_l0")!;

    private Parameter BiasIh => lstm.get_parameter("bias_ih_l0")!;

    private Parameter BiasHh => lstm.get_parameter("bias_hh_l0")!;

    /// <summary>(W_ih, W_hh, bias) in the cell's head order, differentiable views of nn.LSTM's weights.</summary>
    public (Tensor WeightIh, Tensor WeightHh, Tensor Bias) CanonicalWeights()
    {
        using var index = torch.tensor(_canonicalRows, ScalarType.Int64, WeightIh.device);
        return (WeightIh.index_select(0, index), WeightHh.index_select(0, index), BiasIh.index_select(0, index));
    }

    /// <summary>Copies weights in the cell's head order into nn.LSTM's (no gradient).</summary>
    public void LoadCanonical(Tensor weightIh, Tensor weightHh, Tensor bias)
    {
        using var noGrad = torch.no_grad();
        using var index = torch.tensor(_canonicalRows, ScalarType.Int64, WeightIh.device);
        WeightIh.index_copy_(0, index, weightIh.to(WeightIh.dtype, WeightIh.device));
        WeightHh.index_copy_(0, index, weightHh.to(WeightHh.dtype, WeightHh.device));
        BiasIh.index_copy_(0, index, bias.to(BiasIh.dtype, BiasIh.device));
        BiasHh.zero_();
    }

    /// <summary>Runs [T, B, I] from (h0, c0) [B, H]; <paramref name="lengths"/> (int64, CPU) packs padded sequences.</summary>
    public (Tensor Output, Tensor H, Tensor C) Run(Tensor input, Tensor h0, Tensor c0, Tensor? lengths)
    {
        var state = (h0.unsqueeze(0), c0.unsqueeze(0));
        if (lengths is null)
        {
            var (output, h, c) = lstm.call(input, state);
            return (output, h.squeeze(0), c.squeeze(0));
        }

        using var packed = nn.utils.rnn.pack_padded_sequence(input, lengths, batch_first: false, enforce_sorted: false);
        var (packedOutput, hn, cn) = lstm.call(packed, state);
        using (packedOutput)
        {
            var (padded, _) = nn.utils.rnn.pad_packed_sequence(packedOutput, batch_first: false, padding_value: 0.0, total_length: input.shape[0]);
            return (padded, hn.squeeze(0), cn.squeeze(0));
        }
    }
}
