using GateDsl.Compiler.Backends.TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// The recurrent core for every cell: a compiled <see cref="GateLayer"/> (issue 7) behind the trainer's
/// seam. <see cref="Forward"/> without a probe is <c>layer.call(input, mask, null)</c>. With a
/// <see cref="GateProbe"/>: on the generic path the layer's cells capture their gates (values only:
/// the compiled cell keeps its pre-activations to itself, so no gradients are reported; see
/// <see cref="Captured"/>); on the fused
/// LSTM path the core runs the same weights step by step (the cell's head order, c = f*c + i*g,
/// h = o*tanh(c), masked as the layer masks) and reports both gate values and the gradients at the
/// pre-activations of the heads i, f, o and candidate.
/// </summary>
internal sealed class CompiledLayerCore : IRecurrentCore
{
    private readonly GateLayer layer;
    private readonly (int I, int F, int O, int G)? lstmHeads;

    public CompiledLayerCore(string cellName, GateLayer layer)
    {
        CellName = cellName;
        this.layer = layer;
        lstmHeads = layer.Path == ExecutionPath.FusedLstm ? StandardLstm.Match(layer.Ir) : null;
    }

    public nn.Module Module => layer;

    public string CellName { get; }

    public int InputSize => (int)layer.InputSize;

    public int HiddenSize => (int)layer.HiddenSize;

    public int Layers => layer.Options.Layers;

    public long ParameterCount => layer.ParameterCount;

    /// <summary>The path the layer runs on.</summary>
    public ExecutionPath Path => layer.Path;

    public CoreResult Forward(Tensor input, Tensor? mask, GateProbe? probe = null)
    {
        if (probe is null)
        {
            return Result(layer.call(input, mask, null));
        }

        return lstmHeads is { } heads ? Unrolled(input, mask, probe, heads) : Captured(input, mask, probe);
    }

    public void Dispose() => layer.Dispose();

    private static CoreResult Result(LayerOutput output) => new(output.Output, output.Final, output.Kl);

    /// <summary>
    /// The generic path with the cells' gate capture on. GateLayer.forward disposes what its cells
    /// capture when it returns (the captures live in its dispose scope), so the probe drives each
    /// layer's cell step by step through the cell's public forward (the same program: input
    /// projection, then the step), masks as the layer masks, and reads the gates after each layer.
    /// The KL it returns is the cells' unmasked sum (probing runs never train on it). Without gate
    /// values to record there is nothing to probe: the layer runs as usual.
    /// </summary>
    private CoreResult Captured(Tensor input, Tensor? mask, GateProbe probe)
    {
        if (!probe.RecordsValues)
        {
            return Result(layer.call(input, mask, null));
        }

        var cells = layer.Cells;
        var x = input;
        var finals = new List<(Tensor H, Tensor C)>();
        Tensor? kl = null;
        for (var l = 0; l < cells.Count; l++)
        {
            if (l > 0)
            {
                x = Dropout(x);
            }

            var cell = cells[l];
            cell.BeginSequence();
            cell.CaptureGates = true;
            try
            {
                var (h, c) = cell.ZeroState(x.shape[1]);
                var outputs = new List<Tensor>();
                for (var t = 0L; t < x.shape[0]; t++)
                {
                    var (hNext, cNext) = cell.call(x[t], h, c);
                    if (mask is null)
                    {
                        (h, c) = (hNext, cNext);
                        outputs.Add(hNext);
                    }
                    else
                    {
                        var valid = mask[t].unsqueeze(1);
                        (h, c) = (where(valid, hNext, h), where(valid, cNext, c));
                        outputs.Add(hNext * valid);
                    }
                }

                var steps = cell.CapturedGates;
                for (var t = 0; t < steps.Count; t++)
                {
                    probe.RecordGates(l, steps[t].InputGate, steps[t].ForgetGate, mask?[t]);
                }

                kl = kl is null ? cell.Kl.clone() : kl + cell.Kl;
                finals.Add((h, c));
                x = stack(outputs);
            }
            finally
            {
                cell.CaptureGates = false;
                cell.BeginSequence(); // frees the captured gates and the KL sum
            }
        }

        return new CoreResult(x, finals, kl ?? zeros(Array.Empty<long>(), dtype: input.dtype, device: input.device));
    }

    /// <summary>The fused standard LSTM run step by step on the layer's own (differentiable) weights.</summary>
    private CoreResult Unrolled(Tensor input, Tensor? mask, GateProbe probe, (int I, int F, int O, int G) heads)
    {
        var names = new string[4];
        (names[heads.I], names[heads.F], names[heads.O], names[heads.G]) = ("i", "f", "o", "candidate");
        var weights = layer.Weights();
        var x = input;
        var finals = new List<(Tensor H, Tensor C)>();
        for (var l = 0; l < weights.Count; l++)
        {
            if (l > 0)
            {
                x = Dropout(x);
            }

            var (weightIh, weightHh, bias) = (weights[l].WeightIh, weights[l].WeightHh, weights[l].Bias);
            long steps = x.shape[0], batch = x.shape[1];
            var projected = matmul(x, weightIh.t()) + bias;
            var h = zeros(new[] { batch, (long)HiddenSize }, dtype: x.dtype, device: x.device);
            var c = zeros(new[] { batch, (long)HiddenSize }, dtype: x.dtype, device: x.device);
            var outputs = new List<Tensor>();
            for (var t = 0L; t < steps; t++)
            {
                var rows = mask?[t];
                var z = projected[t] + matmul(h, weightHh.t());
                probe.RetainPreActivation(z, rows, names);
                var blocks = z.chunk(4, 1);
                var (i, f, o, g) = (sigmoid(blocks[heads.I]), sigmoid(blocks[heads.F]), sigmoid(blocks[heads.O]), tanh(blocks[heads.G]));
                probe.RecordGates(l, i, f, rows);
                var cNext = f * c + i * g;
                var hNext = o * tanh(cNext);
                if (rows is null)
                {
                    (h, c) = (hNext, cNext);
                    outputs.Add(hNext);
                }
                else
                {
                    var valid = rows.unsqueeze(1);
                    (h, c) = (where(valid, hNext, h), where(valid, cNext, c));
                    outputs.Add(hNext * valid);
                }
            }

            finals.Add((h, c));
            x = stack(outputs);
        }

        return new CoreResult(x, finals, zeros(Array.Empty<long>(), dtype: input.dtype, device: input.device));
    }

    /// <summary>The layer's dropout between layers, in training only (plain, or locked: one mask per sequence and unit).</summary>
    private Tensor Dropout(Tensor x)
    {
        var p = layer.Options.Dropout;
        if (!layer.training || p <= 0)
        {
            return x;
        }

        if (layer.Options.DropoutKind == DropoutKind.Plain)
        {
            return nn.functional.dropout(x, p, training: true);
        }

        var keep = 1 - p;
        return x * (bernoulli(full(new[] { 1L, x.shape[1], x.shape[2] }, keep, dtype: x.dtype, device: x.device)) / keep);
    }
}
