using System.Collections.Immutable;
using GateDsl.Compiler.Backends.CSharp.Syntax;
using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// The body of one step method: an <see cref="IrProgram"/> as C# statements over the fused
/// pre-activations <c>z</c> [B, K*H] and the step index <c>step</c>, returning
/// <c>(i, f, o, candidate)</c> and, for a cell with priors, the step's KL per row [B].
/// <para>
/// It computes what <see cref="TorchSharp.TensorProgram"/> computes, operation for operation, so the
/// emitted module and the compiled one agree to the last bit: the same instructions (only those the
/// slots and KL terms need), constants kept as numbers and folded the same way, a constant operand
/// on the left written as TorchSharp's operators evaluate it (<c>1.0 - x</c> is
/// <c>x.negative().add(1.0)</c>, as the compiled <c>x.neg().add(1.0)</c>), draws in program order
/// through the same hook. Every draw, every named instruction, every gate and every value read twice
/// gets a local (named after the spec where the IR keeps a name); any other instruction is written
/// inline where it is read. Operands of + and * may be swapped (exact in IEEE arithmetic) so that
/// sums read left to right.
/// </para>
/// </summary>
internal sealed class StepEmitter
{
    private static readonly string[] SlotNames = ["i", "f", "o", "candidate"];
    private static readonly CsName Z = new("z");

    private readonly IrProgram _program;
    private readonly IrCell _cell;
    private readonly bool _isEvaluation;
    private readonly CellSourceMap? _source;
    private readonly EmitFeatures _features;
    private readonly LocalNames _names = new();
    private readonly List<CsStatement> _body = new();
    private readonly HashSet<SourceLine> _quoted = new();
    private readonly Value[] _values;
    private readonly Dictionary<int, CsExpression> _logs = new();
    private bool _readsStep;

    private StepEmitter(IrProgram program, IrCell cell, bool isEvaluation, CellSourceMap? source, EmitFeatures features)
    {
        _program = program;
        _cell = cell;
        _isEvaluation = isEvaluation;
        _source = source;
        _features = features;
        _values = new Value[program.Nodes.Length];
    }

    /// <summary>The step method's body for <paramref name="program"/>.</summary>
    /// <param name="program">The cell's training or evaluation program.</param>
    /// <param name="cell">The cell (for what is known of each gate).</param>
    /// <param name="isEvaluation">Whether this is the evaluation program (its gates get a note on how they are evaluated).</param>
    /// <param name="source">Where the cell's statements are, for comments; null for none.</param>
    /// <param name="features">Collects the helpers the statements use.</param>
    public static EmittedStep Emit(IrProgram program, IrCell cell, bool isEvaluation, CellSourceMap? source, EmitFeatures features)
    {
        var emitter = new StepEmitter(program, cell, isEvaluation, source, features);
        emitter.Run();
        return new EmittedStep(emitter._body.ToImmutableArray(), emitter._readsStep);
    }

    private void Run()
    {
        var nodes = _program.Nodes;
        var live = _program.Reachable(_program.Roots);
        var uses = CountUses(live);

        // Gamma draws a ratio reads are drawn as logs (as TensorProgram does); their value is formed
        // only where something other than a ratio reads it.
        var ratioReads = new int[nodes.Length];
        foreach (var ratio in nodes.Where((n, k) => live[k]).OfType<IrRatio>())
        {
            foreach (var operand in ratio.Operands)
            {
                ratioReads[operand]++;
            }
        }
        var slotOf = new Dictionary<int, int>();
        var slots = _program.Slots.All.ToArray();
        for (var s = 0; s < slots.Length; s++)
        {
            slotOf.TryAdd(slots[s], s);
        }

        for (var k = 0; k < nodes.Length; k++)
        {
            if (!live[k])
            {
                continue;
            }

            var isSlot = slotOf.TryGetValue(k, out var slot);
            var named = _program.Names.TryGetValue(k, out var specName);
            if (nodes[k] is IrDraw logDraw && ratioReads[k] > 0)
            {
                var log = _names.For((named ? specName! : "g") + "_log");
                Quote(named ? _source?.ForName(specName!) : null);
                _body.Add(new CsLocal(log, LogGamma(logDraw)));
                _logs[k] = new CsName(log);
                if (uses[k] == ratioReads[k] && !isSlot)
                {
                    continue; // only ratios read it
                }
            }

            var value = Compute(k);
            if (value.Expression is { } expression && (nodes[k] is IrDraw || named || isSlot || uses[k] > 1))
            {
                Quote(named ? _source?.ForName(specName!) : null);
                if (isSlot)
                {
                    Quote(_source?.ForSlot(SlotNames[slot]));
                    NoteEvaluation(slot);
                }

                var local = named ? _names.For(specName!) : isSlot ? _names.For(SlotNames[slot]) : _names.Temporary();
                _body.Add(new CsLocal(local, expression));
                value = new Value(new CsName(local));
            }

            _values[k] = value;
        }

        var returned = slots.Select(s => Expand(_values[s])).ToList();
        if (_program.KlTerms.Length > 0)
        {
            EmitKl();
            returned.Add(new CsName("kl"));
        }

        _body.Add(new CsReturn(CsTuple.Of(returned)));
    }

    /// <summary>How often each instruction is read by the live ones, the slots and the KL terms.</summary>
    private int[] CountUses(bool[] live)
    {
        var uses = new int[_program.Nodes.Length];
        for (var k = 0; k < live.Length; k++)
        {
            if (live[k])
            {
                foreach (var operand in _program.Nodes[k].Operands)
                {
                    uses[operand]++;
                }
            }
        }

        foreach (var slot in _program.Slots.All)
        {
            uses[slot]++;
        }

        foreach (var term in _program.KlTerms)
        {
            foreach (var p in term.Posterior.Parameters.Concat(term.Prior.Parameters))
            {
                uses[p]++;
            }
        }

        return uses;
    }

    private void Quote(SourceLine? line)
    {
        if (line is not null && _quoted.Add(line))
        {
            _body.Add(new CsComment(line.ToString()));
        }
    }

    /// <summary>In the evaluation step, says how a stochastic gate is evaluated (exact mean, plug-in, ...).</summary>
    private void NoteEvaluation(int slot)
    {
        var gate = _cell.Gates.FirstOrDefault(g => g.Name == SlotNames[slot]);
        if (_isEvaluation && gate is { IsStochastic: true })
        {
            _body.Add(new CsComment($"{gate.Name} at evaluation: {IrPrinter.EvaluationText(gate.Evaluation)}"));
        }
    }

    private Value Compute(int k) => _program.Nodes[k] switch
    {
        IrConstant c => new Value(c.Value),
        IrHead h => Head(h),
        IrLink l => new Value(Link(l.Function, Tensor(l.Operand, "a link of a constant was not folded"))),
        IrNegate n => _values[n.Operand].Number is { } v ? new Value(-v) : new Value(new CsNegate(_values[n.Operand].Expression!)),
        IrBinary b => Binary(b.Operator, _values[b.Left], _values[b.Right]),
        IrDraw when _logs.TryGetValue(k, out var log) => new Value(CsInvocation.Of(new CsName("torch.exp"), log)),
        IrDraw d => Draw(d),
        IrMoment m => new Value(Moment(m)),
        IrRatio r => new Value(Ratio(r)),
        var node => throw new InvalidOperationException($"internal error: the C# emitter has no translation for {node.GetType().Name}."),
    };

    private Value Head(IrHead head)
    {
        _features.Heads = true;
        return new Value(CsInvocation.Of(new CsName("Head"), Z, CsLiteral.Integer(head.Index)));
    }

    private CsExpression Tensor(int operand, string problem) =>
        _values[operand].Expression ?? throw new InvalidOperationException("internal error: " + problem + ".");

    private static CsExpression Link(BuiltinFunction function, CsExpression x) => function switch
    {
        BuiltinFunction.Softplus => CsInvocation.Of(new CsName("nn.functional.softplus"), x),
        BuiltinFunction.Exp => CsInvocation.Of(new CsName("torch.exp"), x),
        BuiltinFunction.Log => CsInvocation.Of(new CsName("torch.log"), x),
        BuiltinFunction.Sigmoid => CsInvocation.Of(new CsName("torch.sigmoid"), x),
        BuiltinFunction.Tanh => CsInvocation.Of(new CsName("torch.tanh"), x),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>As <c>TensorProgram.Binary</c>: numbers fold, a number operand stays a scalar.</summary>
    private static Value Binary(BinaryOperator op, Value left, Value right)
    {
        if (left.Number is { } a && right.Number is { } b)
        {
            return new Value(BinaryOperators.Evaluate(op, a, b));
        }

        if (right.Number is { } c)
        {
            var x = left.Expression!;
            var number = CsLiteral.Number(c);
            return new Value(op switch
            {
                BinaryOperator.Add => new CsBinary(CsBinaryOperator.Add, x, number),
                BinaryOperator.Subtract => new CsBinary(CsBinaryOperator.Subtract, x, number),
                BinaryOperator.Multiply => new CsBinary(CsBinaryOperator.Multiply, x, number),
                BinaryOperator.Divide => new CsBinary(CsBinaryOperator.Divide, x, number),
                _ => CsInvocation.Method(x, "pow", number),
            });
        }

        if (left.Number is { } d)
        {
            var x = right.Expression!;
            var number = CsLiteral.Number(d);
            return new Value(op switch
            {
                BinaryOperator.Add => new CsBinary(CsBinaryOperator.Add, x, number),
                BinaryOperator.Subtract => new CsBinary(CsBinaryOperator.Subtract, number, x),
                BinaryOperator.Multiply => new CsBinary(CsBinaryOperator.Multiply, x, number),
                BinaryOperator.Divide => new CsBinary(CsBinaryOperator.Divide, number, x),

                // d ^ x = exp(x log d) with d > 0 (the binder requires a Positive base).
                _ => CsInvocation.Of(new CsName("torch.exp"), new CsBinary(CsBinaryOperator.Multiply, x, CsInvocation.Of(new CsName("Math.Log"), number))),
            });
        }

        var l = left.Expression!;
        var r = right.Expression!;
        return new Value(op switch
        {
            BinaryOperator.Add => Commutative(CsBinaryOperator.Add, l, r),
            BinaryOperator.Subtract => new CsBinary(CsBinaryOperator.Subtract, l, r),
            BinaryOperator.Multiply => Commutative(CsBinaryOperator.Multiply, l, r),
            BinaryOperator.Divide => new CsBinary(CsBinaryOperator.Divide, l, r),
            _ => CsInvocation.Method(l, "pow", r),
        });
    }

    /// <summary>
    /// a op b for + or *, with an inline operand of the same operator put first, so that
    /// <c>g5 + (g4 + t1)</c> reads <c>g4 + t1 + g5</c>: the same value (IEEE + and * are commutative),
    /// fewer parentheses.
    /// </summary>
    private static CsBinary Commutative(CsBinaryOperator op, CsExpression left, CsExpression right)
    {
        static bool Chains(CsExpression e, CsBinaryOperator op) => e is CsBinary b && b.Operator == op;
        return Chains(right, op) && !Chains(left, op) ? new CsBinary(op, right, left) : new CsBinary(op, left, right);
    }

    private Value Draw(IrDraw draw)
    {
        _features.Drawn(draw.Law);
        _readsStep = true;
        var arguments = new List<CsArgument>
        {
            new CsName("step"),
            CsLiteral.Integer(draw.Id),
            CsLiteral.String(draw.Law.ToString()),
        };
        arguments.AddRange(draw.Arguments.Select(a => (CsArgument)Expand(_values[a])));
        return new Value(CsInvocation.Of(new CsName("Sample"), arguments.ToArray()));
    }

    /// <summary>As <c>TensorProgram.LogGamma</c>: ln of the standard draw, less ln(rate) where the rate is not 1.</summary>
    private CsExpression LogGamma(IrDraw draw)
    {
        _features.LogGamma = true;
        _readsStep = true;
        CsExpression log = CsInvocation.Of(new CsName("Sample"), new CsName("step"), CsLiteral.Integer(draw.Id), CsLiteral.String("LogGamma"), Expand(_values[draw.Arguments[0]]));
        var rate = _values[draw.Arguments[1]];
        if (rate.Number is { } r)
        {
            return r == 1 ? log : new CsBinary(CsBinaryOperator.Subtract, log, CsLiteral.Number(Math.Log(r)));
        }

        return new CsBinary(CsBinaryOperator.Subtract, log, CsInvocation.Of(new CsName("torch.log"), Expand(rate)));
    }

    /// <summary>As <c>TensorProgram.Ratio</c>: sigmoid(lse(ln numerator) - lse(ln rest)) from the log draws.</summary>
    private CsExpression Ratio(IrRatio ratio)
    {
        _features.Ratio = true;
        var arguments = new List<CsArgument> { CsLiteral.Integer(ratio.Numerator.Count) };
        arguments.AddRange(ratio.Operands.Select(k => new CsArgument(_logs[k])));
        return CsInvocation.Of(new CsName("Ratio"), arguments.ToArray());
    }

    /// <summary>As <c>TensorProgram.Moment</c>: the mean or mode of the law (Bernoulli by its formula).</summary>
    private CsExpression Moment(IrMoment moment)
    {
        var parameters = moment.Law.Parameters.Select(p => Expand(_values[p])).ToList();
        if (moment.Law.Family == LawFamily.Bernoulli)
        {
            // Bernoulli(p): mean p; mode 1 where p > 1/2, else 0.
            return moment.Kind == MomentKind.Mean
                ? parameters[0]
                : CsInvocation.Method(CsInvocation.Method(parameters[0], "gt", CsLiteral.Number(0.5)), "to", new CsMemberAccess(Z, "dtype"));
        }

        CsExpression law = Law(moment.Law, parameters);
        if (moment.Law.IsJoint)
        {
            law = new CsMemberAccess(law, moment.Component == 0 ? "MarginalX" : "MarginalY");
        }

        if (moment.Kind == MomentKind.Mean)
        {
            return new CsMemberAccess(law, "Mean");
        }

        _features.ModeOrMean = true;
        return CsInvocation.Of(new CsName("ModeOrMean"), law);
    }

    private CsNew Law(IrLaw law, IEnumerable<CsExpression> parameters)
    {
        var type = ToolkitLaws.ClassOf(law.Family)
            ?? throw new InvalidOperationException($"internal error: the toolkit has no {law.Family} law.");
        _features.Toolkit = true;
        return CsNew.Of(type, parameters.Select(p => new CsArgument(p)).Append(new CsArgument(new CsLiteral("false"), "validate")));
    }

    /// <summary>As <c>TensorProgram.Kl</c>: per term weight * KL(posterior || prior) summed over units, added up in term order.</summary>
    private void EmitKl()
    {
        _features.Kl = true;
        var first = true;
        foreach (var term in _program.KlTerms)
        {
            Quote(_source?.ForPrior(term.Target));
            var posterior = _names.For("posterior_" + term.Target);
            var prior = _names.For("prior_" + term.Target);
            _body.Add(new CsLocal(posterior, Law(term.Posterior, term.Posterior.Parameters.Select(p => Expand(_values[p])))));
            _body.Add(new CsLocal(prior, Law(term.Prior, term.Prior.Parameters.Select(p => Expand(_values[p])))));
            CsExpression kl;
            if (term.Method == KlMethod.MonteCarlo)
            {
                _features.MonteCarloKl = true;
                kl = CsInvocation.Of(new CsName("MonteCarloKl"), new CsName(posterior), new CsName(prior));
            }
            else
            {
                kl = new CsMemberAccess(CsInvocation.Of(new CsName("KlDivergence.Compute"), new CsName(posterior), new CsName(prior)), "Value");
            }

            var weighted = new CsBinary(
                CsBinaryOperator.Multiply,
                CsInvocation.Method(kl, "sum", new CsArgument(CsLiteral.Integer(1), "dim")),
                CsLiteral.Number(term.Weight));
            _body.Add(first ? new CsLocal("kl", weighted) : new CsAssignment("kl", new CsBinary(CsBinaryOperator.Add, new CsName("kl"), weighted)));
            first = false;
        }
    }

    /// <summary>A value as a [B, H] tensor: a number becomes <c>Full(number, z)</c>, as <c>TensorProgram.Expand</c> makes a full tensor.</summary>
    private CsExpression Expand(Value value)
    {
        if (value.Number is { } number)
        {
            _features.Full = true;
            return CsInvocation.Of(new CsName("Full"), CsLiteral.Number(number), Z);
        }

        return value.Expression!;
    }

    /// <summary>A value of the step: an expression of a [B, H] tensor, or a number shared by every unit.</summary>
    private readonly record struct Value
    {
        public Value(CsExpression expression) => Expression = expression;

        public Value(double number) => Number = number;

        public CsExpression? Expression { get; }

        public double? Number { get; }
    }
}
