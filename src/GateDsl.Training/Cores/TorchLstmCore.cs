using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// The INTERIM BASELINE core, until compiled cells (issue 7) land: a stack of single-layer TorchSharp
/// <c>nn.LSTM</c> modules (libtorch's fused kernel), with plain or locked dropout between layers. It runs
/// only the standard LSTM, whatever the spec says about other cells (<see cref="CellResolver"/> admits
/// only cells equal to it). Its fast path ignores the mask: padding sits at the end, so outputs on real
/// steps are exact, but <see cref="CoreResult.Final"/> is the state after the last padded step. With a
/// <see cref="GateProbe"/> it runs a per-step loop over the same weights (PyTorch's gate order i, f, g, o)
/// to expose gate values and pre-activation gradients (heads named i, f, candidate, o).
/// </summary>
internal sealed class TorchLstmCore : nn.Module, IRecurrentCore
{
    /// <summary>The four blocks of an LSTM's fused weight in PyTorch's order (i, f, g, o), named as the language names them.</summary>
    public static readonly IReadOnlyList<string> HeadNames = ["i", "f", "candidate", "o"];

    private readonly ModuleList<LSTM> layers;
    private readonly double dropout;
    private readonly DropoutKind dropoutKind;

    public TorchLstmCore(string cellName, int inputSize, int hiddenSize, int layerCount, double dropout, DropoutKind dropoutKind)
        : base(nameof(TorchLstmCore))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layerCount, 1);
        CellName = cellName;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        Layers = layerCount;
        this.dropout = dropout;
        this.dropoutKind = dropoutKind;
        layers = new ModuleList<LSTM>();
        for (var l = 0; l < layerCount; l++)
        {
            layers.Add(nn.LSTM(l == 0 ? inputSize : hiddenSize, hiddenSize));
        }

        RegisterComponents();
    }

    public nn.Module Module => this;

    public string CellName { get; }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public int Layers { get; }

    public long ParameterCount => Count(InputSize, HiddenSize, Layers);

    /// <summary>nn.LSTM's parameters: per layer 4H x I_l and 4H x H weights and two biases of 4H (b_ih and b_hh).</summary>
    public static long Count(int inputSize, int hiddenSize, int layers)
    {
        checked
        {
            long total = 0;
            for (var l = 0; l < layers; l++)
            {
                long input = l == 0 ? inputSize : hiddenSize;
                total += 4L * hiddenSize * (input + hiddenSize) + 8L * hiddenSize;
            }

            return total;
        }
    }

    public CoreResult Forward(Tensor input, Tensor? mask, GateProbe? probe = null)
    {
        var x = input;
        var finals = new List<(Tensor H, Tensor C)>();
        for (var l = 0; l < Layers; l++)
        {
            if (l > 0)
            {
                x = Drop(x);
            }

            var (output, h, c) = probe is null ? Fused(layers[l], x) : Unrolled(layers[l], x, mask, probe, l);
            finals.Add((h, c));
            x = output;
        }

        return new CoreResult(x, finals, zeros(Array.Empty<long>(), dtype: input.dtype, device: input.device));
    }

    private static (Tensor Output, Tensor H, Tensor C) Fused(LSTM lstm, Tensor x)
    {
        var (output, h, c) = lstm.call(x, null);
        return (output, h.squeeze(0), c.squeeze(0));
    }

    /// <summary>The same LSTM step by step (c = f*c + i*g, h = o*tanh(c)), recording gates and pre-activations.</summary>
    private (Tensor Output, Tensor H, Tensor C) Unrolled(LSTM lstm, Tensor x, Tensor? mask, GateProbe probe, int layer)
    {
        var weightIh = Weight(lstm, "weight_ih_l0");
        var weightHh = Weight(lstm, "weight_hh_l0");
        var bias = Weight(lstm, "bias_ih_l0") + Weight(lstm, "bias_hh_l0");
        var steps = x.shape[0];
        var batch = x.shape[1];
        var projected = matmul(x, weightIh.t()) + bias;
        var h = zeros(new[] { batch, (long)HiddenSize }, dtype: x.dtype, device: x.device);
        var c = zeros(new[] { batch, (long)HiddenSize }, dtype: x.dtype, device: x.device);
        var outputs = new List<Tensor>();
        for (var t = 0L; t < steps; t++)
        {
            var rows = mask?[t];
            var z = projected[t] + matmul(h, weightHh.t());
            probe.RetainPreActivation(z, rows, HeadNames);
            var blocks = z.chunk(4, 1);
            var i = sigmoid(blocks[0]);
            var f = sigmoid(blocks[1]);
            var g = tanh(blocks[2]);
            var o = sigmoid(blocks[3]);
            probe.RecordGates(layer, i, f, rows);
            c = f * c + i * g;
            h = o * tanh(c);
            outputs.Add(h);
        }

        return (stack(outputs), h, c);
    }

    private static Tensor Weight(LSTM lstm, string name) =>
        lstm.get_parameter(name) ?? throw new InvalidOperationException($"nn.LSTM has no parameter {name}");

    internal Tensor Drop(Tensor x)
    {
        if (!training || dropout <= 0)
        {
            return x;
        }

        if (dropoutKind == DropoutKind.Plain)
        {
            return nn.functional.dropout(x, dropout, training: true);
        }

        var keep = 1 - dropout;
        var mask = bernoulli(full(new[] { 1L, x.shape[1], x.shape[2] }, keep, dtype: x.dtype, device: x.device)) / keep;
        return x * mask;
    }
}
