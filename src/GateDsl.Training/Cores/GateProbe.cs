using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// Collects what the plots need from a core's forward pass: input and forget gate values on real
/// steps (per layer, up to <see cref="MaxValuesPerLayer"/> each), and the gate pre-activations, whose
/// gradients are retained so that after the backward pass <see cref="MeanAbsoluteGradients"/> gives the
/// mean |dLoss/dz| of each head (i, f, ...) over real steps, units, batch and layers. The retained
/// tensors belong to the caller's dispose scope: read the gradients before it ends.
/// </summary>
internal sealed class GateProbe
{
    private readonly List<(Tensor PreActivation, Tensor? Rows, IReadOnlyList<string> Heads)> retained = new();
    private readonly Dictionary<int, (List<float> I, List<float> F)> values = new();

    /// <summary>A probe that records gate values, gradients, or both.</summary>
    public GateProbe(bool recordValues, bool recordGradients, int maxValuesPerLayer = 1_000_000)
    {
        RecordsValues = recordValues;
        RecordsGradients = recordGradients;
        MaxValuesPerLayer = maxValuesPerLayer;
    }

    /// <summary>Whether gate values are recorded.</summary>
    public bool RecordsValues { get; }

    /// <summary>Whether pre-activation gradients are retained.</summary>
    public bool RecordsGradients { get; }

    /// <summary>At most this many (i, f) pairs are kept per layer (the first ones seen).</summary>
    public int MaxValuesPerLayer { get; }

    /// <summary>The recorded (i, f) pairs of each layer (0-based), in the order seen.</summary>
    public IReadOnlyDictionary<int, (List<float> I, List<float> F)> Values => values;

    /// <summary>Records one step's gates [B, H] of <paramref name="layer"/>; <paramref name="rows"/> [B] bool marks real sequences (null: all).</summary>
    public void RecordGates(int layer, Tensor inputGate, Tensor forgetGate, Tensor? rows)
    {
        if (!RecordsValues)
        {
            return;
        }

        if (!values.TryGetValue(layer, out var lists))
        {
            lists = (new List<float>(), new List<float>());
            values[layer] = lists;
        }

        if (lists.I.Count >= MaxValuesPerLayer)
        {
            return;
        }

        using var scope = NewDisposeScope();
        var i = rows is null ? inputGate : inputGate.index(rows);
        var f = rows is null ? forgetGate : forgetGate.index(rows);
        var room = MaxValuesPerLayer - lists.I.Count;
        var iv = i.detach().to(ScalarType.Float32).cpu().data<float>().Take(room).ToArray();
        var fv = f.detach().to(ScalarType.Float32).cpu().data<float>().Take(room).ToArray();
        lists.I.AddRange(iv);
        lists.F.AddRange(fv);
    }

    /// <summary>
    /// Retains the gradient of one step's pre-activations [B, K*H], whose K blocks of H columns are the
    /// heads named in <paramref name="heads"/> (LSTM: i, f, g, o); <paramref name="rows"/> [B] bool marks real sequences.
    /// </summary>
    public void RetainPreActivation(Tensor preActivation, Tensor? rows, IReadOnlyList<string> heads)
    {
        if (!RecordsGradients)
        {
            return;
        }

        preActivation.retain_grad();
        retained.Add((preActivation, rows, heads));
    }

    /// <summary>After backward: the mean absolute gradient of each head over everything retained (empty when nothing was).</summary>
    public IReadOnlyDictionary<string, double> MeanAbsoluteGradients()
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (z, rows, heads) in retained)
        {
            using var scope = NewDisposeScope();
            var grad = z.grad;
            if (grad is null)
            {
                continue;
            }

            var real = rows is null ? grad : grad.index(rows);
            var blocks = real.abs().chunk(heads.Count, 1);
            for (var k = 0; k < heads.Count; k++)
            {
                sums[heads[k]] = sums.GetValueOrDefault(heads[k]) + blocks[k].sum().to(ScalarType.Float64).item<double>();
                counts[heads[k]] = counts.GetValueOrDefault(heads[k]) + blocks[k].numel();
            }
        }

        return sums.Where(p => counts[p.Key] > 0).ToDictionary(p => p.Key, p => p.Value / counts[p.Key], StringComparer.Ordinal);
    }
}
