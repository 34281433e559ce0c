using GateDsl.Compiler.Ir;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// One step of a compiled cell as a TorchSharp module: x_t [B, I] and the state (h, c) [B, H] each
/// give the next state. The K heads of the cell's IR are K blocks of H rows of one fused affine map,
/// z = x_t W_ih^T + h_{t-1} W_hh^T + b; the program computes i, f, o and the candidate g from z, and
/// c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t) (Song et al. 2020, section 2; PAPER.md).
/// <para>
/// Training mode (<c>train()</c>) runs the training program, drawing from <see cref="Draws"/>;
/// evaluation mode (<c>eval()</c>) the evaluation program (the spec's <c>evaluate</c> rule). Each
/// step adds its prior KL (weighted, summed over units and batch) to <see cref="Kl"/>; with
/// <see cref="CaptureGates"/> on, the gates of each step are kept, detached, for analysis.
/// Float32 or float64 (<c>.to(dtype)</c>), any device (<c>.to(device)</c>).
/// </para>
/// </summary>
public sealed class GateCell : nn.Module<Tensor, Tensor, Tensor, (Tensor H, Tensor C)>
{
    private readonly Parameter weight_ih;
    private readonly Parameter weight_hh;
    private readonly Parameter bias;
    private readonly TensorProgram _training;
    private readonly TensorProgram _evaluation;
    private readonly List<StepResult> _captured = new();
    private Tensor? _kl;
    private long _step;
    private long _sequence = -1;

    /// <summary>Creates a cell with weights drawn uniform(-1/sqrt(H), 1/sqrt(H)) from <paramref name="generator"/> (torch's global one when null).</summary>
    /// <param name="ir">The lowered cell.</param>
    /// <param name="inputSize">I. Range: at least 1.</param>
    /// <param name="hiddenSize">H. Range: at least 1.</param>
    /// <param name="generator">Generator for the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1, or a parameter count past 64 bits.</exception>
    public GateCell(IrCell ir, long inputSize, long hiddenSize, Generator? generator = null)
        : base(ir.Name)
    {
        ArgumentNullException.ThrowIfNull(ir);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        Ir = ir;
        Layout = new CellLayout(ir.HeadCount, inputSize, hiddenSize);
        _ = Layout.ParameterCount; // throws on overflow before anything is allocated
        _training = new TensorProgram(ir.Training);
        _evaluation = ReferenceEquals(ir.Evaluation, ir.Training) ? _training : new TensorProgram(ir.Evaluation);
        var bound = Layout.InitBound;
        using (torch.no_grad())
        {
            weight_ih = new Parameter(torch.empty(Layout.Rows, inputSize).uniform_(-bound, bound, generator));
            weight_hh = new Parameter(torch.empty(Layout.Rows, hiddenSize).uniform_(-bound, bound, generator));
            bias = new Parameter(torch.empty(Layout.Rows).uniform_(-bound, bound, generator));
        }

        RegisterComponents();
    }

    /// <summary>The lowered cell this module runs.</summary>
    public IrCell Ir { get; }

    /// <summary>K, I and H, and the parameter count.</summary>
    public CellLayout Layout { get; }

    /// <summary>I.</summary>
    public long InputSize => Layout.InputSize;

    /// <summary>H.</summary>
    public long HiddenSize => Layout.HiddenSize;

    /// <summary>W_ih [K*H, I]: head k is rows k*H .. (k+1)*H - 1.</summary>
    public Parameter WeightIh => weight_ih;

    /// <summary>W_hh [K*H, H].</summary>
    public Parameter WeightHh => weight_hh;

    /// <summary>The bias [K*H].</summary>
    public Parameter Bias => bias;

    /// <summary>Where draws come from (default: torch's global generator). Set a <see cref="KeyedDrawSource"/> to fix every draw.</summary>
    public IDrawSource Draws { get; set; } = new TorchDrawSource();

    /// <summary>The layer index this cell reports in its <see cref="DrawKey"/>s (set by a stacked layer).</summary>
    public int LayerIndex { get; set; }

    /// <summary>
    /// Sum of the weighted prior KL of every step since <see cref="BeginSequence"/>, over units and
    /// batch (a scalar in the graph; 0 for a cell without priors, and before the first step).
    /// </summary>
    public Tensor Kl => _kl ?? torch.zeros([], weight_ih.dtype, weight_ih.device);

    /// <summary>Sees every step (see <see cref="IStepObserver"/>); null for none.</summary>
    public IStepObserver? Observer { get; set; }

    /// <summary>Whether each step's gates are kept (detached) for <see cref="CapturedGates"/>.</summary>
    public bool CaptureGates { get; set; }

    /// <summary>The gates of each step since <see cref="BeginSequence"/> while <see cref="CaptureGates"/> was on.</summary>
    public IReadOnlyList<StepResult> CapturedGates => _captured;

    /// <summary>The steps run since <see cref="BeginSequence"/>.</summary>
    public long StepCount => _step;

    /// <summary>Sequences begun so far (the <see cref="DrawKey.Sequence"/> of the current one).</summary>
    public long SequenceCount => _sequence + 1;

    /// <summary>Starts a new sequence: clears the KL sum, the captured gates and the step counter, and counts the sequence.</summary>
    public void BeginSequence()
    {
        _sequence++;
        ClearSequence();
    }

    private void ClearSequence()
    {
        _kl?.Dispose();
        _kl = null;
        foreach (var step in _captured)
        {
            DisposeAll(step);
        }

        _captured.Clear();
        _step = 0;
    }

    /// <summary>Zero state (h, c) for a batch of <paramref name="batch"/>, of the weights' dtype and device.</summary>
    public (Tensor H, Tensor C) ZeroState(long batch) =>
        (torch.zeros(batch, HiddenSize, weight_ih.dtype, weight_ih.device), torch.zeros(batch, HiddenSize, weight_ih.dtype, weight_ih.device));

    /// <summary>One step: x [B, I], h and c [B, H] give (h_t, c_t), each [B, H].</summary>
    /// <exception cref="ArgumentException">A shape, dtype or device that does not fit, named with what was expected.</exception>
    public override (Tensor H, Tensor C) forward(Tensor x, Tensor h, Tensor c)
    {
        var batch = x?.dim() == 2 ? x.shape[0] : -1;
        CellShapes.Require(x!, "the input x", [batch, InputSize], $"[batch, {InputSize}] (input size {InputSize})", weight_ih.dtype, weight_ih.device, "cell " + Ir.Name);
        CellShapes.Require(h, "the hidden state h", [batch, HiddenSize], $"[{batch}, {HiddenSize}] (batch of the input, hidden size {HiddenSize})", weight_ih.dtype, weight_ih.device, "cell " + Ir.Name);
        CellShapes.Require(c, "the cell state c", [batch, HiddenSize], $"[{batch}, {HiddenSize}] (batch of the input, hidden size {HiddenSize})", weight_ih.dtype, weight_ih.device, "cell " + Ir.Name);
        using var scope = torch.NewDisposeScope();
        var projection = bias.addmm(x!, weight_ih.t());
        var (hNext, cNext, kl) = Step(projection, h, c);
        if (kl is not null)
        {
            AddKl(kl.sum());
        }

        return scope.MoveToOuter(hNext, cNext);
    }

    /// <summary>
    /// One step from the input part of the pre-activations, <paramref name="inputProjection"/> =
    /// x_t W_ih^T + b [B, K*H] (a layer computes it for all steps with one product). Returns the new
    /// state and the step's KL per row [B] (null without priors), which the caller adds up
    /// (<see cref="forward"/> adds it to <see cref="Kl"/>; a layer masks padded rows first).
    /// Tensors belong to the caller's dispose scope.
    /// </summary>
    internal (Tensor H, Tensor C, Tensor? Kl) Step(Tensor inputProjection, Tensor h, Tensor c, Tensor? valid = null)
    {
        var (hNext, cNext, result) = CellStep.Run(training ? _training : _evaluation, inputProjection, h, c, weight_hh, HiddenSize, Draws, LayerIndex, _sequence, _step, Observer, valid);
        _step++;
        if (CaptureGates)
        {
            using var noGrad = torch.no_grad();
            _captured.Add(new StepResult(
                result.InputGate.detach().clone().DetachFromDisposeScope(),
                result.ForgetGate.detach().clone().DetachFromDisposeScope(),
                result.OutputGate.detach().clone().DetachFromDisposeScope(),
                result.Candidate.detach().clone().DetachFromDisposeScope(),
                result.Kl?.detach().clone().DetachFromDisposeScope()));
        }

        return (hNext, cNext, result.Kl);
    }

    /// <summary>Adds a step's (already summed) KL to <see cref="Kl"/>, outside any dispose scope.</summary>
    internal void AddKl(Tensor stepKl)
    {
        var total = _kl is null ? stepKl.clone() : _kl.add(stepKl);
        _kl?.Dispose();
        _kl = total.DetachFromDisposeScope();
    }

    private static void DisposeAll(StepResult step)
    {
        step.InputGate.Dispose();
        step.ForgetGate.Dispose();
        step.OutputGate.Dispose();
        step.Candidate.Dispose();
        step.Kl?.Dispose();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearSequence();
        }

        base.Dispose(disposing);
    }
}
