using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Runs one step of an <see cref="IrProgram"/> with TorchSharp operations on [B, H] tensors, any
/// device and dtype: the generic path. Only the instructions the slots and KL terms need are
/// evaluated; constants stay numbers (scalar operands), so no tensor is made for them. Every
/// operation is differentiable (draws through the <see cref="IDrawSource"/>), so backward reaches
/// the heads and through them the weights.
/// </summary>
internal sealed class TensorProgram
{
    private readonly IrProgram _program;
    private readonly int[] _schedule;

    // Gamma draws that ratios read: drawn in log space; their value is formed only where another
    // instruction reads it.
    private readonly HashSet<int> _logDraws;
    private readonly HashSet<int> _valueNeeded;

    public TensorProgram(IrProgram program)
    {
        _program = program;
        var live = program.Reachable(program.Roots);
        _schedule = Enumerable.Range(0, program.Nodes.Length).Where(k => live[k]).ToArray();
        _logDraws = _schedule.Select(k => program.Nodes[k]).OfType<IrRatio>().SelectMany(r => r.Operands).ToHashSet();
        _valueNeeded = _schedule.Where(k => program.Nodes[k] is not IrRatio).SelectMany(k => program.Nodes[k].Operands)
            .Concat(program.Roots).Where(_logDraws.Contains).ToHashSet();
    }

    /// <summary>The program this runs.</summary>
    public IrProgram Program => _program;

    /// <summary>
    /// One step from the fused pre-activations <paramref name="z"/> [B, K*H]. Tensors made here
    /// belong to the caller's dispose scope.
    /// </summary>
    public StepResult Run(Tensor z, long hidden, IDrawSource draws, int layer, long sequence, long step)
    {
        var values = new Value[_program.Nodes.Length];
        var logs = new Tensor?[_program.Nodes.Length];
        long[] shape = [z.shape[0], hidden];
        foreach (var k in _schedule)
        {
            if (_logDraws.Contains(k))
            {
                var draw = (IrDraw)_program.Nodes[k];
                logs[k] = LogGamma(draw, values, shape, z, draws.DrawLogGamma(new DrawKey(layer, sequence, step, draw.Id), Expand(values[draw.Arguments[0]], shape, z)));
                values[k] = _valueNeeded.Contains(k) ? new Value(logs[k]!.exp()) : default;
                continue;
            }

            values[k] = _program.Nodes[k] switch
            {
                IrHead h => new Value(z.narrow(1, h.Index * hidden, hidden)),
                IrConstant c => new Value(c.Value),
                IrLink l => new Value(Link(l.Function, values[l.Operand], z)),
                IrNegate n => values[n.Operand].IsConstant ? new Value(-values[n.Operand].Number) : new Value(values[n.Operand].Tensor!.neg()),
                IrBinary b => Binary(b.Operator, values[b.Left], values[b.Right]),
                IrDraw d => new Value(draws.Draw(new DrawKey(layer, sequence, step, d.Id), d.Law, d.Arguments.Select(a => Expand(values[a], shape, z)).ToArray())),
                IrMoment m => new Value(Moment(m, values, shape, z)),
                IrRatio r => new Value(Ratio(r, logs)),
                var other => throw new InvalidOperationException($"internal error: no TorchSharp kernel for {other.GetType().Name}."),
            };
        }

        var s = _program.Slots;
        return new StepResult(
            Expand(values[s.InputGate], shape, z),
            Expand(values[s.ForgetGate], shape, z),
            Expand(values[s.OutputGate], shape, z),
            Expand(values[s.Candidate], shape, z),
            _program.KlTerms.Length == 0 ? null : Kl(values, shape, z));
    }

    /// <summary>ln X of a Gamma(shape, rate) draw from ln G of its standard draw: ln G - ln rate.</summary>
    private static Tensor LogGamma(IrDraw draw, Value[] values, long[] shape, Tensor like, Tensor logStandard)
    {
        var rate = values[draw.Arguments[1]];
        return rate.IsConstant
            ? (rate.Number == 1 ? logStandard : logStandard.sub(Math.Log(rate.Number)))
            : logStandard.sub(Expand(rate, shape, like).log());
    }

    /// <summary>S_num / (S_num + S_rest) = sigmoid(lse(ln num) - lse(ln rest)): no 0/0 where the draws underflow.</summary>
    private static Tensor Ratio(IrRatio ratio, Tensor?[] logs)
    {
        static Tensor LogSum(IEnumerable<int> terms, Tensor?[] logs)
        {
            var list = terms.Select(t => logs[t]!).ToArray();
            return list.Length == 1 ? list[0] : torch.stack(list).logsumexp(dim: 0);
        }

        return LogSum(ratio.Numerator, logs).sub(LogSum(ratio.Rest, logs)).sigmoid();
    }

    /// <summary>Sum over units of the weighted KL terms, per row [B].</summary>
    private Tensor Kl(Value[] values, long[] shape, Tensor like)
    {
        Tensor? total = null;
        foreach (var term in _program.KlTerms)
        {
            var posterior = Create(term.Posterior, values, shape, like);
            var prior = Create(term.Prior, values, shape, like);
            var kl = term.Method == KlMethod.MonteCarlo
                ? MonteCarloKl(posterior, prior)
                : KlDivergence.Compute(posterior, prior).Value;
            var weighted = kl.sum(dim: 1).mul(term.Weight);
            total = total is null ? weighted : total.add(weighted);
        }

        return total!;
    }

    /// <summary>One reparameterized draw per unit: log p(x) - log q(x), an unbiased estimate of KL(p || q) with its gradient.</summary>
    private static Tensor MonteCarloKl(IGateDistribution posterior, IGateDistribution prior)
    {
        if (posterior is not Distribution p || prior is not Distribution q)
        {
            throw new InvalidOperationException("internal error: a Monte Carlo KL term needs univariate laws.");
        }

        var x = p.RSample();
        return p.LogProb(x) - q.LogProb(x);
    }

    private static IGateDistribution Create(IrLaw law, Value[] values, long[] shape, Tensor like) =>
        LawDistributions.Create(law.Family, law.Parameters.Select(p => Expand(values[p], shape, like)).ToArray())
        ?? throw new InvalidOperationException($"internal error: the toolkit has no {law.Family} law.");

    private static Tensor Moment(IrMoment moment, Value[] values, long[] shape, Tensor like)
    {
        var parameters = moment.Law.Parameters.Select(p => Expand(values[p], shape, like)).ToArray();
        if (moment.Law.Family == LawFamily.Bernoulli)
        {
            // Bernoulli(p): mean p; mode 1 where p > 1/2, else 0 (no gradient: a step function).
            return moment.Kind == MomentKind.Mean ? parameters[0] : parameters[0].gt(0.5).to(like.dtype);
        }

        var law = LawDistributions.Create(moment.Law.Family, parameters)!;
        if (law is JointDistribution joint)
        {
            var marginal = moment.Component == 0 ? joint.MarginalX : joint.MarginalY;
            return moment.Kind == MomentKind.Mean ? marginal.Mean : ModeOrMean(marginal);
        }

        var single = (Distribution)law;
        return moment.Kind == MomentKind.Mean ? single.Mean : ModeOrMean(single);
    }

    /// <summary>The mode where the law has a unique one, its mean elsewhere (IrMoment's contract).</summary>
    private static Tensor ModeOrMean(Distribution law)
    {
        if (!law.HasMode)
        {
            return law.Mean;
        }

        var mode = law.Mode;
        return torch.where(mode.isnan(), law.Mean, mode);
    }

    private static Tensor Link(BuiltinFunction function, Value x, Tensor like)
    {
        var t = x.Tensor ?? throw new InvalidOperationException("internal error: a link of a constant was not folded.");
        return function switch
        {
            BuiltinFunction.Softplus => torch.nn.functional.softplus(t),
            BuiltinFunction.Exp => t.exp(),
            BuiltinFunction.Log => t.log(),
            BuiltinFunction.Sigmoid => t.sigmoid(),
            BuiltinFunction.Tanh => t.tanh(),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
        };
    }

    private static Value Binary(BinaryOperator op, Value left, Value right)
    {
        if (left.IsConstant && right.IsConstant)
        {
            return new Value(BinaryOperators.Evaluate(op, left.Number, right.Number));
        }

        if (right.IsConstant)
        {
            var x = left.Tensor!;
            var c = right.Number;
            return new Value(op switch
            {
                BinaryOperator.Add => x.add(c),
                BinaryOperator.Subtract => x.sub(c),
                BinaryOperator.Multiply => x.mul(c),
                BinaryOperator.Divide => x.div(c),
                _ => x.pow(c),
            });
        }

        if (left.IsConstant)
        {
            var c = left.Number;
            var x = right.Tensor!;
            return new Value(op switch
            {
                BinaryOperator.Add => x.add(c),
                BinaryOperator.Subtract => x.neg().add(c),
                BinaryOperator.Multiply => x.mul(c),
                BinaryOperator.Divide => x.reciprocal().mul(c),
                _ => x.mul(Math.Log(c)).exp(), // c ^ x with c > 0 (the binder requires a Positive base)
            });
        }

        var l = left.Tensor!;
        var r = right.Tensor!;
        return new Value(op switch
        {
            BinaryOperator.Add => l.add(r),
            BinaryOperator.Subtract => l.sub(r),
            BinaryOperator.Multiply => l.mul(r),
            BinaryOperator.Divide => l.div(r),
            _ => l.pow(r),
        });
    }

    /// <summary>A value as a [B, H] tensor (a constant becomes a full tensor of the step's dtype and device).</summary>
    private static Tensor Expand(Value value, long[] shape, Tensor like) =>
        value.IsConstant ? torch.full(shape, value.Number, like.dtype, like.device) : value.Tensor!.expand(shape);

    /// <summary>A value of the step: a tensor, or a number shared by every unit.</summary>
    private readonly record struct Value
    {
        public Value(Tensor tensor) => Tensor = tensor;

        public Value(double number) => Number = number;

        public Tensor? Tensor { get; }

        public double Number { get; }

        public bool IsConstant => Tensor is null;
    }
}
