using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// Derives the program an evaluation step runs from the training program and the spec's rule.
/// <list type="bullet">
/// <item><c>evaluate sample</c>: the training program itself.</item>
/// <item><c>evaluate mean</c>: every draw is replaced by its mean (the paper's rule). A gate whose
/// value that makes exact (Gamma ratios, linear functions of draws) keeps it; a gate with a known law
/// for which it is not exact (Kumaraswamy: it gives the median) gets its law's exact mean instead; any
/// other gate keeps the plug-in value, which <see cref="GateEvaluation.PlugInMean"/> says.</item>
/// <item><c>evaluate mode</c>: a gate with a known law gets its law's mode (its mean where the mode is
/// not unique); any other gate every draw replaced by its mode.</item>
/// </list>
/// </summary>
internal static class EvaluationProgram
{
    public static (IrProgram Program, GateEvaluation[] Kinds) Derive(IrProgram training, EvaluationRule rule, IReadOnlyList<IrGate> gates)
    {
        if (rule == EvaluationRule.Sample)
        {
            return (training, gates.Select(g => g.IsStochastic ? GateEvaluation.Sampled : GateEvaluation.Deterministic).ToArray());
        }

        var analysis = new LawInference(IrRewriter.ToBuilder(training), new Dictionary<int, RegisteredValue>());
        var slots = training.Slots.All.ToArray();
        var target = new IrBuilder();
        var map = new int[training.Nodes.Length];
        var exact = new bool[training.Nodes.Length]; // the new value is the old value's exact mean
        var kinds = new GateEvaluation[gates.Count];
        for (var k = 0; k < training.Nodes.Length; k++)
        {
            var node = training.Nodes[k];
            map[k] = node switch
            {
                IrDraw draw => rule == EvaluationRule.Mean ? Mean(draw, map, target) : Mode(draw, map, target),
                _ => Rebuild(node.Remap(i => map[i]), target),
            };
            exact[k] = !analysis.IsRandom(k) || node is IrDraw || analysis.IsGammaRatio(k) || IsLinearInExact(node, exact, analysis);
            if (training.Names.TryGetValue(k, out var name))
            {
                target.Name(map[k], name);
            }

            // A gate takes its law's exact mean or mode where the substitution above does not give it;
            // later instructions that read the gate (f = 1 - i) then read that value.
            for (var g = 0; g < gates.Count; g++)
            {
                if (slots[g] != k)
                {
                    continue;
                }

                var gate = gates[g];
                if (!gate.IsStochastic)
                {
                    kinds[g] = GateEvaluation.Deterministic;
                }
                else if (rule == EvaluationRule.Mean && exact[k])
                {
                    kinds[g] = GateEvaluation.ExactMean;
                }
                else if (gate.Law is { } law)
                {
                    var moment = rule == EvaluationRule.Mean ? MomentKind.Mean : MomentKind.Mode;
                    map[k] = target.Moment(moment, law.Remap(i => map[i]), 0);
                    target.Name(map[k], gate.Name);
                    exact[k] = rule == EvaluationRule.Mean;
                    kinds[g] = rule == EvaluationRule.Mean ? GateEvaluation.ExactMean : GateEvaluation.ExactMode;
                }
                else
                {
                    kinds[g] = rule == EvaluationRule.Mean ? GateEvaluation.PlugInMean : GateEvaluation.PlugInMode;
                }
            }
        }

        // Slots read through the map, which now points gates with a law moment at it.
        var newSlots = new IrSlots(map[slots[0]], map[slots[1]], map[slots[2]], map[slots[3]]);
        var terms = training.KlTerms.Select(t => t.Remap(i => map[i])).ToList();
        var roots = newSlots.All.Concat(terms.SelectMany(t => t.Posterior.Parameters.Concat(t.Prior.Parameters)));
        var (program, _) = IrRewriter.Compact(target, roots, newSlots, terms);
        return (program, kinds);
    }

    /// <summary>Linear operations keep exact means exact: E[X + Y] = E[X] + E[Y], E[cX] = c E[X] for deterministic c.</summary>
    private static bool IsLinearInExact(IrNode node, bool[] exact, LawInference analysis) => node switch
    {
        IrNegate n => exact[n.Operand],
        IrBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => exact[b.Left] && exact[b.Right],
        IrBinary { Operator: BinaryOperator.Multiply } b => (!analysis.IsRandom(b.Left) && exact[b.Right]) || (!analysis.IsRandom(b.Right) && exact[b.Left]),
        IrBinary { Operator: BinaryOperator.Divide } b => !analysis.IsRandom(b.Right) && exact[b.Left],
        _ => false,
    };

    /// <summary>A draw's mean, in the draw's parameters.</summary>
    private static int Mean(IrDraw draw, int[] map, IrBuilder b)
    {
        var a = draw.Arguments.Items.Select(i => map[i]).ToArray();
        return draw.Law switch
        {
            PrimitiveKind.Gamma => b.Binary(BinaryOperator.Divide, a[0], a[1]),
            PrimitiveKind.Uniform => b.Binary(BinaryOperator.Multiply, b.Binary(BinaryOperator.Add, a[0], a[1]), b.Constant(0.5)),
            PrimitiveKind.Normal or PrimitiveKind.Logistic or PrimitiveKind.Bernoulli => a[0],
            _ => throw new InvalidOperationException($"internal error: no mean for {draw.Law}."),
        };
    }

    /// <summary>A draw's mode: the location of Normal and Logistic, the law's mode otherwise (Uniform has none: the binder refuses it).</summary>
    private static int Mode(IrDraw draw, int[] map, IrBuilder b)
    {
        var a = draw.Arguments.Items.Select(i => map[i]).ToArray();
        return draw.Law switch
        {
            PrimitiveKind.Normal or PrimitiveKind.Logistic => a[0],
            PrimitiveKind.Gamma or PrimitiveKind.Bernoulli => b.Moment(MomentKind.Mode, new IrLaw(StandardLaws.Of(draw.Law), a.ToImmutableArray()), 0),
            _ => throw new InvalidOperationException($"internal error: {draw.Law} has no mode; the binder reports evaluate mode for it."),
        };
    }

    /// <summary>
    /// An instruction rebuilt through the builder, so constants that substitution made fold; a ratio
    /// whose draws were replaced becomes plain arithmetic on what replaced them.
    /// </summary>
    private static int Rebuild(IrNode node, IrBuilder b) => node switch
    {
        IrLink l => b.Link(l.Function, l.Operand),
        IrNegate n => b.Negate(n.Operand),
        IrBinary bin => b.Binary(bin.Operator, bin.Left, bin.Right),
        IrRatio r when r.Operands.Any(k => b[k] is not IrDraw) => Ratio(r, b),
        _ => b.Add(node),
    };

    private static int Ratio(IrRatio ratio, IrBuilder b)
    {
        var numerator = ratio.Numerator.Aggregate((x, y) => b.Binary(BinaryOperator.Add, x, y));
        var all = ratio.Rest.Aggregate(numerator, (x, y) => b.Binary(BinaryOperator.Add, x, y));
        return b.Binary(BinaryOperator.Divide, numerator, all);
    }
}
