using GateDsl.Compiler.Backends.TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// Collects what the plots need from a core's forward pass, as the compiled layer's step observer
/// (<see cref="IStepObserver"/>, so it works for every cell, the standard LSTM included): input and
/// forget gate values on real steps (per layer, up to <see cref="MaxValuesPerLayer"/> each), and each
/// step's pre-activations z [B, K*H], whose gradients are retained so that after the backward pass
/// <see cref="MeanAbsoluteGradients"/> gives the mean |dLoss/dz| that reaches each gate's heads. The
/// retained tensors belong to the probe: read the gradients, then dispose it.
/// </summary>
internal sealed class GateProbe : IStepObserver, IDisposable
{
    private readonly List<ObservedStep> retained = new();
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

    /// <inheritdoc />
    public void Observe(int layer, long step, Tensor preActivations, StepResult gates, Tensor? valid)
    {
        RecordGates(layer, gates.InputGate, gates.ForgetGate, valid);
        if (!RecordsGradients || !preActivations.requires_grad)
        {
            return;
        }

        // z and the row mask live in the step's (and the layer's) dispose scope; the gradient is read
        // after backward, long after both ended, so the probe keeps them and disposes them itself.
        preActivations.retain_grad();
        var heads = preActivations.shape[1] / gates.InputGate.shape[1];
        retained.Add(new ObservedStep(layer, preActivations.DetachFromDisposeScope(), valid?.clone().DetachFromDisposeScope(), (int)heads));
    }

    /// <summary>
    /// After backward: for each gate in <paramref name="gateHeads"/> (i, f, o, candidate: the heads it
    /// reads, <see cref="GateHeads.Of"/>), the mean of |dLoss/dz| over those heads' columns, the real
    /// rows of every retained step and every layer. Empty when nothing was retained.
    /// </summary>
    public IReadOnlyDictionary<string, double> MeanAbsoluteGradients(IReadOnlyDictionary<string, IReadOnlyList<int>> gateHeads)
    {
        ArgumentNullException.ThrowIfNull(gateHeads);
        var sums = new Dictionary<int, double>();
        var counts = new Dictionary<int, long>();
        foreach (var step in retained)
        {
            using var scope = NewDisposeScope();
            var grad = step.PreActivations.grad;
            if (grad is null)
            {
                continue;
            }

            var real = step.Rows is null ? grad : grad.index(step.Rows);
            var blocks = real.abs().chunk(step.Heads, 1);
            for (var k = 0; k < step.Heads; k++)
            {
                sums[k] = sums.GetValueOrDefault(k) + blocks[k].sum().to(ScalarType.Float64).item<double>();
                counts[k] = counts.GetValueOrDefault(k) + blocks[k].numel();
            }
        }

        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (gate, heads) in gateHeads)
        {
            var count = heads.Sum(k => counts.GetValueOrDefault(k));
            if (count > 0)
            {
                means[gate] = heads.Sum(k => sums.GetValueOrDefault(k)) / count;
            }
        }

        return means;
    }

    /// <summary>After backward: the sum over steps and batch rows of dLoss/dz of <paramref name="layer"/> [K*H] (which equals the gradient of its bias), or null when none was retained.</summary>
    public Tensor? GradientSum(int layer)
    {
        Tensor? sum = null;
        foreach (var step in retained.Where(s => s.Layer == layer && s.PreActivations.grad is not null))
        {
            using var rowSum = step.PreActivations.grad!.sum(dim: 0); // not sum(0): a literal 0 converts to ScalarType.Byte
            var next = sum is null ? rowSum.clone() : sum.add(rowSum);
            sum?.Dispose();
            sum = next;
        }

        return sum;
    }

    /// <summary>Frees the retained pre-activations.</summary>
    public void Dispose()
    {
        foreach (var step in retained)
        {
            step.PreActivations.Dispose();
            step.Rows?.Dispose();
        }

        retained.Clear();
    }

    private void RecordGates(int layer, Tensor inputGate, Tensor forgetGate, Tensor? rows)
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

    /// <summary>One observed step whose gradient is retained: z [B, K*H] and its real rows [B] (null: all).</summary>
    private sealed record ObservedStep(int Layer, Tensor PreActivations, Tensor? Rows, int Heads);
}
