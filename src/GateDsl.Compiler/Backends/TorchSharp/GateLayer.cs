using GateDsl.Compiler.Backends.TorchSharp.Fused;
using GateDsl.Compiler.Ir;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// A compiled cell run over sequences, with TorchSharp nn.LSTM's conventions: input [T, B, I] (or
/// [B, T, I] batch-first), stacked layers with dropout between them (plain or locked), an optional
/// initial state per layer, and an optional mask [T, B] (or [B, T]; true where a step is real) for
/// padded batches of unequal length: a padded step changes neither the state nor the KL, and its
/// output is 0. Returns the outputs, the final (h, c) of each layer and the total prior KL.
/// <para>
/// Each layer's input projection x_t W_ih^T + b is one matrix product for all steps; the step loop
/// adds h_{t-1} W_hh^T and runs the cell's program (<see cref="GateCell"/>). A cell that is exactly
/// the standard LSTM runs on libtorch's fused kernel (<see cref="ExecutionPath.FusedLstm"/>; masks
/// there must pad at the end of each sequence).
/// </para>
/// <para>
/// On the fused CPU kernel each layer keeps the buffer of values its backward reads ([T, B, slots x H]:
/// 80 MB for the 5G cell at T = 100, B = 32, H = 256 in float32) from one training batch to the next,
/// until the layer is disposed. A second backward through a call's graph (retain_graph) is right until
/// the layer runs forward again with grad on; after that it gives NaN gradients and the next call
/// throws an <see cref="InvalidOperationException"/> naming the cause.
/// </para>
/// </summary>
public sealed class GateLayer : nn.Module<Tensor, Tensor?, IReadOnlyList<(Tensor H, Tensor C)>?, LayerOutput>
{
    private readonly ModuleList<GateCell> cells = new();
    private readonly ModuleList<FusedLstmLayer> fused = new();
    private readonly IDrawSource _noDraws = new TorchDrawSource();
    private readonly (KernelStep<float> Single, KernelStep<double> Double)? _trainingKernel;
    private readonly (KernelStep<float> Single, KernelStep<double> Double)? _evaluationKernel;
    private readonly SavedBufferPool[] _savedBuffers;
    private TensorProgram? _lstmProgram;
    private bool _customDraws;

    /// <summary>Creates the layer; every weight uniform(-1/sqrt(H), 1/sqrt(H)) from <paramref name="generator"/> (torch's global one when null).</summary>
    /// <param name="ir">The lowered cell.</param>
    /// <param name="inputSize">I, the features of each input step. Range: at least 1.</param>
    /// <param name="hiddenSize">H. Range: at least 1.</param>
    /// <param name="options">Layers, dropout, batch-first, execution path.</param>
    /// <param name="generator">Generator for the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option out of range.</exception>
    /// <exception cref="ArgumentException">The fused path was asked for a cell that is not the standard LSTM.</exception>
    public GateLayer(IrCell ir, long inputSize, long hiddenSize, LayerOptions? options = null, Generator? generator = null)
        : base(ir.Name + "Layer")
    {
        ArgumentNullException.ThrowIfNull(ir);
        Options = options ?? new LayerOptions();
        Options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        Ir = ir;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        var lstm = StandardLstm.Match(ir);
        if (Options.Path == ExecutionPath.FusedLstm && lstm is null)
        {
            throw new ArgumentException($"cell {ir.Name} is not exactly the standard LSTM (sigmoid gates and a tanh candidate on four heads, no draws), so it cannot run on libtorch's fused LSTM kernel; use the generic path.", nameof(options));
        }

        _savedBuffers = Enumerable.Range(0, Options.Layers).Select(_ => new SavedBufferPool()).ToArray();
        _trainingKernel = Kernel(ir.Training, ir.HeadCount, out var trainingReason);
        _evaluationKernel = ReferenceEquals(ir.Evaluation, ir.Training) ? _trainingKernel : Kernel(ir.Evaluation, ir.HeadCount, out _);
        if (Options.Path == ExecutionPath.FusedKernel && _trainingKernel is null)
        {
            throw new ArgumentException($"cell {ir.Name} cannot run on the fused kernel: {trainingReason}; use the generic path.", nameof(options));
        }

        Path = Options.Path switch
        {
            ExecutionPath.Generic => ExecutionPath.Generic,
            ExecutionPath.FusedKernel => ExecutionPath.FusedKernel,
            _ when lstm is not null => ExecutionPath.FusedLstm,
            ExecutionPath.Auto when _trainingKernel is not null => ExecutionPath.FusedKernel,
            _ => ExecutionPath.Generic,
        };
        for (var l = 0; l < Options.Layers; l++)
        {
            var layerInput = l == 0 ? inputSize : hiddenSize;
            if (Path == ExecutionPath.FusedLstm)
            {
                fused.Add(new FusedLstmLayer($"{ir.Name}{l}", lstm!.Value, layerInput, hiddenSize, generator));
            }
            else
            {
                cells.Add(new GateCell(ir, layerInput, hiddenSize, generator) { LayerIndex = l });
            }
        }

        RegisterComponents();
    }

    /// <summary>The lowered cell.</summary>
    public IrCell Ir { get; }

    /// <summary>The options it was made with.</summary>
    public LayerOptions Options { get; }

    /// <summary>
    /// The path it runs on: <see cref="ExecutionPath.Generic"/>, <see cref="ExecutionPath.FusedLstm"/> or
    /// <see cref="ExecutionPath.FusedKernel"/>. A fused path steps aside for the generic one in a call
    /// with an observer, captured gates, a draw source set by the caller, or tensors off the CPU
    /// (<see cref="LastPath"/> says which ran).
    /// </summary>
    public ExecutionPath Path { get; }

    /// <summary>The path the last forward call ran.</summary>
    public ExecutionPath LastPath { get; private set; }

    /// <summary>
    /// The seed of the fused kernel's counter-based streams (the generic path uses <see cref="Draws"/>).
    /// Null (the default): each forward call takes its stream key from torch's global generator, so
    /// <c>torch.manual_seed</c> and a saved generator state reproduce a run, resumed or not, as they do
    /// the generic path's default draws. Set: the streams of layer l's n-th sequence are keyed by
    /// (seed, l, n), and <see cref="KernelDrawSource"/> with the same seed gives the generic path the
    /// same draws. Either way the draws do not depend on the thread count.
    /// </summary>
    public ulong? Seed { get; set; }

    /// <summary>I.</summary>
    public long InputSize { get; }

    /// <summary>H.</summary>
    public long HiddenSize { get; }

    /// <summary>The cells of the generic path, one per layer (empty on the fused path).</summary>
    public IReadOnlyList<GateCell> Cells => cells.ToList();

    /// <summary>Trainable parameters: the sum over layers of K*H*(I_l + H) + K*H.</summary>
    public long ParameterCount => Enumerable.Range(0, Options.Layers)
        .Sum(l => new CellLayout(Ir.HeadCount, l == 0 ? InputSize : HiddenSize, HiddenSize).ParameterCount);

    /// <summary>
    /// Sees every step of every layer (see <see cref="IStepObserver"/>); null for none. With an
    /// observer a standard LSTM runs step by step too (same weights, same results up to rounding).
    /// </summary>
    public IStepObserver? Observer { get; set; }

    /// <summary>Where every layer's draws come from (the generic path; see <see cref="GateCell.Draws"/>).</summary>
    public IDrawSource Draws
    {
        set
        {
            foreach (var cell in cells)
            {
                cell.Draws = value;
            }

            _customDraws = true;
        }
    }

    /// <summary>
    /// Each layer's weights in the cell's layout, whatever the path: the parameters themselves on the
    /// generic path, differentiable views of nn.LSTM's weights (reordered) on the fused path.
    /// </summary>
    public IReadOnlyList<CellWeights> Weights() => Path == ExecutionPath.FusedLstm
        ? fused.Select(f => f.CanonicalWeights()).Select(w => new CellWeights(w.WeightIh, w.WeightHh, w.Bias)).ToList()
        : cells.Select(c => new CellWeights(c.WeightIh, c.WeightHh, c.Bias)).ToList();

    /// <summary>Copies weights in the cell's layout into every layer (no gradient), converting dtype and device.</summary>
    /// <exception cref="ArgumentException">Another number of layers, or a tensor of another shape, named with what was expected.</exception>
    public void LoadWeights(IReadOnlyList<CellWeights> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Options.Layers)
        {
            throw new ArgumentException($"layer of cell {Ir.Name}: expected weights for {Options.Layers} layer(s), got {weights.Count}.", nameof(weights));
        }

        var current = Weights();
        for (var l = 0; l < weights.Count; l++)
        {
            RequireShape(weights[l].WeightIh, current[l].WeightIh, $"layer {l} W_ih");
            RequireShape(weights[l].WeightHh, current[l].WeightHh, $"layer {l} W_hh");
            RequireShape(weights[l].Bias, current[l].Bias, $"layer {l} bias");
            if (Path == ExecutionPath.FusedLstm)
            {
                fused[l].LoadCanonical(weights[l].WeightIh, weights[l].WeightHh, weights[l].Bias);
            }
            else
            {
                using var noGrad = torch.no_grad();
                cells[l].WeightIh.copy_(weights[l].WeightIh);
                cells[l].WeightHh.copy_(weights[l].WeightHh);
                cells[l].Bias.copy_(weights[l].Bias);
            }
        }
    }

    private void RequireShape(Tensor given, Tensor expected, string what)
    {
        if (!given.shape.SequenceEqual(expected.shape))
        {
            throw new ArgumentException($"layer of cell {Ir.Name}: {what} must have shape [{string.Join(", ", expected.shape)}], but has [{string.Join(", ", given.shape)}].");
        }
    }

    /// <summary>Runs the layers; see the class summary for shapes. Pass null for no mask and a zero initial state.</summary>
    /// <exception cref="ArgumentException">A shape, dtype or device that does not fit, named with what was expected.</exception>
    public override LayerOutput forward(Tensor input, Tensor? mask = null, IReadOnlyList<(Tensor H, Tensor C)>? initialState = null)
    {
        var (dtype, device) = WeightsType();
        var owner = $"layer of cell {Ir.Name}";
        var rank3 = input?.dim() == 3;
        long steps = rank3 ? input!.shape[Options.BatchFirst ? 1 : 0] : -1, batch = rank3 ? input!.shape[Options.BatchFirst ? 0 : 1] : -1;
        var inputShape = Options.BatchFirst ? $"[batch, time, {InputSize}]" : $"[time, batch, {InputSize}]";
        CellShapes.Require(input!, "the input", Options.BatchFirst ? [batch, steps, InputSize] : [steps, batch, InputSize], inputShape + $" (input size {InputSize})", dtype, device, owner);
        if (mask is not null)
        {
            CellShapes.Require(mask, "the mask", Options.BatchFirst ? [batch, steps] : [steps, batch], Options.BatchFirst ? $"[{batch}, {steps}] (batch, time of the input)" : $"[{steps}, {batch}] (time, batch of the input)", ScalarType.Bool, device, owner);
        }

        if (initialState is not null)
        {
            if (initialState.Count != Options.Layers)
            {
                throw new ArgumentException($"{owner}: the initial state must have one (h, c) per layer ({Options.Layers}), but has {initialState.Count}.", nameof(initialState));
            }

            foreach (var (h, c) in initialState)
            {
                CellShapes.Require(h, "an initial h", [batch, HiddenSize], $"[{batch}, {HiddenSize}]", dtype, device, owner);
                CellShapes.Require(c, "an initial c", [batch, HiddenSize], $"[{batch}, {HiddenSize}]", dtype, device, owner);
            }
        }

        // Every pool's mark is taken (not Any, which stops at the first), so the error is said once.
        var stale = false;
        foreach (var pool in _savedBuffers)
        {
            stale |= pool.TakeStaleBackward();
        }

        if (stale)
        {
            throw new InvalidOperationException(
                $"{owner}: a second backward through an earlier call's graph (retain_graph) ran after this layer had run forward again, " +
                "which reuses the fused kernel's saved values; that backward's gradients are NaN. Run every backward of a graph before the layer's next forward.");
        }

        using var scope = torch.NewDisposeScope();
        var x = Options.BatchFirst ? input!.transpose(0, 1) : input!;
        var m = mask is null ? null : Options.BatchFirst ? mask.transpose(0, 1) : mask;
        var finals = new List<(Tensor H, Tensor C)>();
        Tensor? kl = null;
        for (var l = 0; l < Options.Layers; l++)
        {
            var (h0, c0) = initialState?[l] ?? (torch.zeros(batch, HiddenSize, dtype, device), torch.zeros(batch, HiddenSize, dtype, device));
            Tensor output, h, c;
            if (Path == ExecutionPath.FusedLstm && Observer is null)
            {
                (output, h, c) = fused[l].Run(x, h0, c0, m is null ? null : Lengths(m, owner));
            }
            else if (Path == ExecutionPath.FusedLstm)
            {
                (output, h, c, _) = RunObservedLstm(l, x, h0, c0, m);
            }
            else
            {
                Tensor? layerKl;
                (output, h, c, layerKl) = UsesKernel(cells[l], x)
                    ? RunKernel(l, cells[l], x, h0, c0, m)
                    : RunGeneric(cells[l], x, h0, c0, m);
                if (layerKl is not null)
                {
                    kl = kl is null ? layerKl : kl.add(layerKl);
                }
            }

            finals.Add((h, c));
            x = l < Options.Layers - 1 ? Dropout(output) : output;
        }

        LastPath = Path == ExecutionPath.FusedLstm && Observer is not null ? ExecutionPath.Generic
            : Path == ExecutionPath.FusedKernel && !UsesKernel(cells[0], x) ? ExecutionPath.Generic
            : Path;
        var result = Options.BatchFirst ? x.transpose(0, 1) : x;
        var total = kl ?? torch.zeros([], dtype, device);
        scope.MoveToOuter(finals.SelectMany(f => new[] { f.H, f.C }).Append(result).Append(total));
        return new LayerOutput(result, finals, total);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var pool in _savedBuffers)
            {
                pool.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Whether this call runs the fused kernel: its path, the CPU, the default draws, nothing observed or captured.</summary>
    private bool UsesKernel(GateCell cell, Tensor x) =>
        Path == ExecutionPath.FusedKernel
        && (training ? _trainingKernel : _evaluationKernel) is not null
        && x.device_type == DeviceType.CPU
        && !_customDraws
        && Observer is null
        && !cell.CaptureGates;

    /// <summary>The fused kernel over one layer: one product for the input projection, then the whole sequence as one autograd node.</summary>
    private (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunKernel(int layer, GateCell cell, Tensor x, Tensor h, Tensor c, Tensor? mask)
    {
        cell.BeginSequence();
        var kernel = (training ? _trainingKernel : _evaluationKernel)!.Value;
        var projection = Project(x, cell.WeightIh, cell.Bias);
        var key = Seed is { } seed ? StreamLayout.Key(seed, layer, cell.SequenceCount - 1) : KeyFromTorch();
        // The saved-values buffer is reused between batches only by a call autograd will come back to.
        var buffers = torch.is_grad_enabled() && cell.WeightHh.requires_grad ? _savedBuffers[layer] : null;
        // A batch-first mask arrives transposed: the kernel reads it as contiguous memory.
        var options = new FusedOptions(kernel.Single, kernel.Double, mask?.to(x.dtype).contiguous(), key, buffers);
        var (output, hT, cT, kl) = FusedSequence.Run(projection, cell.WeightHh, h, c, options);
        return (output, hT, cT, Ir.Training.KlTerms.Length == 0 && Ir.Evaluation.KlTerms.Length == 0 ? null : kl.sum());
    }

    /// <summary>A 64-bit stream key drawn from torch's global generator (two 32-bit halves, so every bit is random).</summary>
    private static ulong KeyFromTorch()
    {
        using var halves = torch.randint(0, 1L << 32, [2], ScalarType.Int64);
        var bits = halves.data<long>().ToArray();
        return ((ulong)bits[0] << 32) | (ulong)bits[1];
    }

    private static (KernelStep<float>, KernelStep<double>)? Kernel(IrProgram program, int heads, out string? reason) =>
        KernelPlan.TryCreate(program, heads, out reason) is { } plan ? (new KernelStep<float>(plan), new KernelStep<double>(plan)) : null;

    /// <summary>The generic path over one layer: one product for the input projection, then the step loop.</summary>
    private (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunGeneric(GateCell cell, Tensor x, Tensor h, Tensor c, Tensor? mask)
    {
        cell.BeginSequence();
        cell.Observer = Observer;
        var projection = Project(x, cell.WeightIh, cell.Bias);
        return RunSteps(projection, h, c, mask, (p, hPrev, cPrev, valid) => cell.Step(p, hPrev, cPrev, valid));
    }

    /// <summary>
    /// A fused-path layer run step by step with the same weights (viewed in the cell's layout), so an
    /// observer sees its steps; gradients still reach nn.LSTM's parameters through the views.
    /// </summary>
    private (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunObservedLstm(int layer, Tensor x, Tensor h, Tensor c, Tensor? mask)
    {
        var (weightIh, weightHh, bias) = fused[layer].CanonicalWeights();
        var program = _lstmProgram ??= new TensorProgram(Ir.Training);
        var projection = Project(x, weightIh, bias);
        long step = 0;
        return RunSteps(projection, h, c, mask, (p, hPrev, cPrev, valid) =>
        {
            var (hNext, cNext, result) = CellStep.Run(program, p, hPrev, cPrev, weightHh, HiddenSize, _noDraws, layer, 0, step++, Observer, valid);
            return (hNext, cNext, result.Kl);
        });
    }

    /// <summary>x_t W_ih^T + b for every step with one matrix product: [T, B, K*H].</summary>
    private static Tensor Project(Tensor x, Tensor weightIh, Tensor bias) =>
        bias.addmm(x.reshape(x.shape[0] * x.shape[1], x.shape[2]), weightIh.t()).view(x.shape[0], x.shape[1], -1);

    /// <summary>The step loop: masked steps keep the state, output 0 and add no KL.</summary>
    private static (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunSteps(Tensor projection, Tensor h, Tensor c, Tensor? mask, Func<Tensor, Tensor, Tensor, Tensor?, (Tensor H, Tensor C, Tensor? Kl)> step)
    {
        var steps = projection.shape[0];
        var outputs = new Tensor[steps];

        // unbind, not projection[t]: the backward of each select writes a zero gradient the size of the
        // whole projection, which made the step loop's backward 6x slower (docs/backend-performance.md).
        var projections = projection.unbind(0);
        var masks = mask?.unbind(0);
        Tensor? kl = null;
        for (long t = 0; t < steps; t++)
        {
            using var stepScope = torch.NewDisposeScope();
            var valid = masks?[t];
            var (hNext, cNext, stepKl) = step(projections[t], h, c, valid);
            Tensor output = hNext;
            if (valid is not null)
            {
                var column = valid.unsqueeze(1);
                hNext = torch.where(column, hNext, h);
                cNext = torch.where(column, cNext, c);
                output = hNext.mul(column);
                stepKl = stepKl?.mul(valid);
            }

            var summed = stepKl?.sum();
            kl = summed is null ? kl : kl is null ? summed : kl.add(summed);
            stepScope.MoveToOuter(new[] { hNext, cNext, output }.Concat(kl is null ? [] : [kl]));
            (h, c, outputs[t]) = (hNext, cNext, output);
        }

        return (torch.stack(outputs), h, c, kl);
    }

    private Tensor Dropout(Tensor output) => Dropout(output, Options.Dropout, Options.DropoutKind, training);

    /// <summary>
    /// Dropout of a layer's outputs [T, B, H] in training: plain (a fresh mask per element) or locked
    /// (one mask per sequence and unit, shared over time); kept values scaled by 1 / (1 - p).
    /// </summary>
    internal static Tensor Dropout(Tensor output, double p, DropoutKind kind, bool training)
    {
        if (!training || p == 0)
        {
            return output;
        }

        if (kind == DropoutKind.Plain)
        {
            return nn.functional.dropout(output, p, training: true);
        }

        var keep = 1 - p;
        var locked = torch.empty(1, output.shape[1], output.shape[2], output.dtype, output.device).bernoulli_(keep).div_(keep);
        return output.mul(locked);
    }

    /// <summary>The lengths a fused-path mask stands for; it must be true then false along time in every row.</summary>
    private static Tensor Lengths(Tensor mask, string owner)
    {
        using var cpu = mask.to(ScalarType.Int64, torch.CPU);
        var lengths = cpu.sum(dim: 0);
        using var prefix = torch.arange(mask.shape[0], ScalarType.Int64).unsqueeze(1).lt(lengths.unsqueeze(0));
        using var asBool = cpu.to(ScalarType.Bool);
        if (!prefix.eq(asBool).all().item<bool>())
        {
            throw new ArgumentException($"{owner}: on the fused LSTM path a mask must be true then false along time in every row (padding at the end of each sequence); this one has a gap. Use the generic path (LayerOptions.Path = Generic) for such masks.", nameof(mask));
        }

        if (lengths.min().item<long>() < 1)
        {
            throw new ArgumentException($"{owner}: on the fused LSTM path every sequence needs at least one real step; a row of the mask is all false.", nameof(mask));
        }

        return lengths;
    }

    private (ScalarType DType, Device Device) WeightsType()
    {
        var first = parameters().First();
        return (first.dtype, first.device);
    }
}
