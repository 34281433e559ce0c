using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// Works out the laws of values of a program where the rules below apply, adding the instructions
/// its parameters need (sums of shapes) to the builder.
/// <list type="bullet">
/// <item>A value a registered standard-library law produced has that law (by declaration).</item>
/// <item>A draw has its primitive law.</item>
/// <item>A ratio of a sum of independent Gamma draws with one common rate over a larger sum of the
/// same draws is Beta(sum of the numerator's shapes, sum of the other shapes): sums of independent
/// Gammas with a common rate are Gammas, and G1 / (G1 + G2) ~ Beta(a1, a2) (Olkin &amp; Liu 2003,
/// section 1; Song et al. 2020, section 3).</item>
/// <item>1 - X with X ~ Beta(a, b) is Beta(b, a).</item>
/// <item>Two such ratios over shared draws are the Olkin-Liu pair BivariateBeta(a, b, c) when
/// X = U / (U + W), Y = V / (V + W), and the five-Gamma pair BivariateBeta5(a1..a5) when
/// X = (G1 + G3) / (G1 + G3 + G4 + G5), Y = (G2 + G4) / (G2 + G4 + G3 + G5), each G a group of
/// draws.</item>
/// </list>
/// Independence is structural: distinct draws are independent given the heads, so a draw counts only
/// if its parameters depend on no draw.
/// </summary>
internal sealed class LawInference
{
    private readonly IrBuilder _builder;
    private readonly IReadOnlyDictionary<int, RegisteredValue> _registered;
    private readonly Dictionary<int, bool> _random = new();

    public LawInference(IrBuilder builder, IReadOnlyDictionary<int, RegisteredValue> registered)
    {
        _builder = builder;
        _registered = registered;
    }

    /// <summary>What is known of i, f, o and the candidate (their evaluation is filled in later).</summary>
    public List<IrGate> Gates(IrSlots slots)
    {
        var joint = Joint(slots.InputGate, slots.ForgetGate);
        return
        [
            Gate("i", slots.InputGate, joint is { } j ? new IrJoint(j.Law, j.InputComponent, "f") : null),
            Gate("f", slots.ForgetGate, joint is { } k ? new IrJoint(k.Law, 1 - k.InputComponent, "i") : null),
            Gate("o", slots.OutputGate, null),
            Gate("candidate", slots.Candidate, null),
        ];
    }

    private IrGate Gate(string name, int node, IrJoint? joint) =>
        new(name, IsRandom(node), IsRandom(node) ? Marginal(node) : null, joint, GateEvaluation.Deterministic);

    /// <summary>Whether the value depends on a draw.</summary>
    public bool IsRandom(int node)
    {
        if (_random.TryGetValue(node, out var known))
        {
            return known;
        }

        var result = _builder[node] is IrDraw || _builder[node].Operands.Any(IsRandom);
        _random[node] = result;
        return result;
    }

    /// <summary>The law of the value, or null when no rule applies (or it is deterministic).</summary>
    public IrLaw? Marginal(int node)
    {
        if (_registered.TryGetValue(node, out var registered))
        {
            return registered.Law.IsJoint ? MarginalOf(registered.Law, registered.Component) : registered.Law;
        }

        switch (_builder[node])
        {
            case IrDraw draw:
                return new IrLaw(StandardLaws.Of(draw.Law), draw.Arguments);
            case IrBinary { Operator: BinaryOperator.Divide } or IrRatio when GammaRatio(node) is { } ratio:
                return Beta(ratio.Numerator, ratio.Rest);
            case IrBinary { Operator: BinaryOperator.Subtract } b when _builder.TryConstant(b.Left, out var one) && one == 1
                                                                     && Marginal(b.Right) is { Family: LawFamily.Beta } beta:
                return new IrLaw(LawFamily.Beta, ImmutableArray.Create(beta.Parameters[1], beta.Parameters[0]));
            default:
                return null;
        }
    }

    /// <summary>Whether the value is a ratio of Gamma sums (its mean is then the ratio of the sums of the means).</summary>
    public bool IsGammaRatio(int node) => GammaRatio(node) is not null;

    /// <summary>The value as an <see cref="IrRatio"/> over the builder's draws, when it is a ratio of Gamma sums.</summary>
    public IrRatio? AsRatio(int node) =>
        GammaRatio(node) is { } r ? new IrRatio(r.Numerator.ToImmutableArray(), r.Rest.ToImmutableArray()) : null;

    /// <summary>The joint law of (i, f) and which component i is, when a rule applies.</summary>
    private (IrLaw Law, int InputComponent)? Joint(int input, int forget)
    {
        if (_registered.TryGetValue(input, out var a) && _registered.TryGetValue(forget, out var b)
            && a.Law.IsJoint && a.Call == b.Call && a.Component != b.Component)
        {
            return (a.Law, a.Component);
        }

        if (GammaRatio(input) is not { } x || GammaRatio(forget) is not { } y || x.Rate != y.Rate)
        {
            return null;
        }

        // Each draw's role in X and in Y: the group it belongs to.
        var groups = new List<int>[5];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = new List<int>();
        }

        foreach (var draw in x.All.Union(y.All))
        {
            var inX = x.Numerator.Contains(draw) ? 1 : x.Rest.Contains(draw) ? 2 : 0;
            var inY = y.Numerator.Contains(draw) ? 1 : y.Rest.Contains(draw) ? 2 : 0;
            var group = (inX, inY) switch
            {
                (1, 0) => 0, // G1: X's numerator only
                (0, 1) => 1, // G2: Y's numerator only
                (1, 2) => 2, // G3: up for X, down for Y
                (2, 1) => 3, // G4: down for X, up for Y
                (2, 2) => 4, // G5: both denominators
                _ => -1,     // in both numerators, or in one denominator only: no registered pair
            };
            if (group < 0)
            {
                return null;
            }

            groups[group].Add(draw);
        }

        var shapes = groups.Select(g => g.Count == 0 ? -1 : SumOfShapes(g)).ToArray();
        if (groups[2].Count == 0 && groups[3].Count == 0 && shapes[0] >= 0 && shapes[1] >= 0 && shapes[4] >= 0)
        {
            return (new IrLaw(LawFamily.BivariateBeta, ImmutableArray.Create(shapes[0], shapes[1], shapes[4])), 0);
        }

        return shapes.All(s => s >= 0)
            ? (new IrLaw(LawFamily.BivariateBeta5, shapes.ToImmutableArray()), 0)
            : null;
    }

    /// <summary>The marginal of component <paramref name="component"/> of a joint law.</summary>
    private IrLaw MarginalOf(IrLaw joint, int component)
    {
        var p = joint.Parameters;
        return (joint.Family, component) switch
        {
            (LawFamily.BivariateBeta, 0) => new IrLaw(LawFamily.Beta, ImmutableArray.Create(p[0], p[2])),
            (LawFamily.BivariateBeta, _) => new IrLaw(LawFamily.Beta, ImmutableArray.Create(p[1], p[2])),
            (LawFamily.BivariateBeta5, 0) => new IrLaw(LawFamily.Beta, ImmutableArray.Create(Add(p[0], p[2]), Add(p[3], p[4]))),
            (LawFamily.BivariateBeta5, _) => new IrLaw(LawFamily.Beta, ImmutableArray.Create(Add(p[1], p[3]), Add(p[2], p[4]))),
            _ => throw new InvalidOperationException($"internal error: {joint.Family} is not a joint law."),
        };
    }

    private IrLaw Beta(IReadOnlyList<int> numerator, IReadOnlyList<int> rest) =>
        new(LawFamily.Beta, ImmutableArray.Create(SumOfShapes(numerator), SumOfShapes(rest)));

    private int SumOfShapes(IReadOnlyList<int> draws) =>
        draws.Select(d => ((IrDraw)_builder[d]).Arguments[0]).Aggregate(Add);

    private int Add(int left, int right) => _builder.Binary(BinaryOperator.Add, left, right);

    /// <summary>
    /// The value as numerator / (numerator + rest) over distinct independent Gamma draws with one
    /// common rate, each group non-empty; null when it is not one.
    /// </summary>
    private RatioOfSums? GammaRatio(int node)
    {
        if (_builder[node] is IrRatio ratio)
        {
            return new RatioOfSums(ratio.Numerator.ToList(), ratio.Rest.ToList(), ((IrDraw)_builder[ratio.Numerator[0]]).Arguments[1]);
        }

        if (_builder[node] is not IrBinary { Operator: BinaryOperator.Divide } division)
        {
            return null;
        }

        var top = Terms(division.Left);
        var bottom = Terms(division.Right);
        if (top is null || bottom is null || top.Count == 0 || top.Distinct().Count() != top.Count || bottom.Distinct().Count() != bottom.Count)
        {
            return null;
        }

        var rest = bottom.Except(top).ToList();
        if (rest.Count == 0 || rest.Count + top.Count != bottom.Count)
        {
            return null;
        }

        var rates = bottom.Select(d => ((IrDraw)_builder[d]).Arguments[1]).Distinct().ToList();
        return rates.Count == 1 ? new RatioOfSums(top, rest, rates[0]) : null;
    }

    /// <summary>The terms of a sum when each is a Gamma draw whose parameters depend on no draw; null otherwise.</summary>
    private List<int>? Terms(int node)
    {
        var terms = new List<int>();
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var k = stack.Pop();
            switch (_builder[k])
            {
                case IrBinary { Operator: BinaryOperator.Add } add:
                    stack.Push(add.Right);
                    stack.Push(add.Left);
                    break;
                case IrDraw { Law: PrimitiveKind.Gamma } draw when draw.Arguments.All(a => !IsRandom(a)):
                    terms.Add(k);
                    break;
                default:
                    return null;
            }
        }

        return terms;
    }

    private sealed record RatioOfSums(List<int> Numerator, List<int> Rest, int Rate)
    {
        public IEnumerable<int> All => Numerator.Concat(Rest);
    }
}
