using System.Collections.Immutable;
using System.Globalization;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Text;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// Lowers one checked cell to the gate IR: statements in order into one program (heads numbered
/// as the binder numbered them, families expanded member by member, user distributions inlined,
/// constants and hyperparameters folded, equal subexpressions shared), then the gates' laws, the
/// priors' KL terms, dead instructions removed, and the evaluation program derived from the
/// training one. Split by concern: Statements (here), Distributions (inlining), Priors.
/// The cell must come from a compilation without errors; what the binder would have rejected is an
/// internal error (<see cref="InvalidOperationException"/>).
/// </summary>
internal sealed partial class CellLowerer
{
    /// <summary>More heads than this is refused (GATE0602): the IR grows with the heads.</summary>
    public const int MaxHeads = 10_000;

    private readonly BoundCell _cell;
    private readonly ImmutableHashSet<SourceText> _standardSources;
    private readonly IReadOnlyDictionary<ParameterSymbol, double> _hyperParameters;
    private readonly DiagnosticBag _diagnostics;
    private readonly IrBuilder _builder = new();

    // Values of the names in scope: one instruction per family member (one for a plain name).
    private readonly Dictionary<Symbol, int[]> _values = new(ReferenceEqualityComparer.Instance);

    // The law of each drawn name, per member, as the draw statement gives it (for priors).
    private readonly Dictionary<Symbol, IrLaw?[]> _drawLaws = new(ReferenceEqualityComparer.Instance);

    // Values produced by a registered standard-library law: the law, the component and the call.
    private readonly Dictionary<int, RegisteredValue> _registered = new();

    private CellLowerer(BoundCell cell, ImmutableHashSet<SourceText> standardSources, IReadOnlyDictionary<ParameterSymbol, double> hyperParameters, DiagnosticBag diagnostics)
    {
        _cell = cell;
        _standardSources = standardSources;
        _hyperParameters = hyperParameters;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Lowers <paramref name="cell"/> with the given hyperparameter values (the defaults where none
    /// is given). Returns null when lowering reported an error into <paramref name="diagnostics"/>.
    /// </summary>
    public static IrCell? Lower(BoundCell cell, ImmutableHashSet<SourceText> standardSources, IReadOnlyDictionary<string, double>? hyperParameters, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<ParameterSymbol, double>(ReferenceEqualityComparer.Instance);
        var summary = ImmutableArray.CreateBuilder<IrHyperParameter>();
        foreach (var parameter in cell.Parameters)
        {
            var given = hyperParameters?.ContainsKey(parameter.Name) == true;
            var value = given ? hyperParameters![parameter.Name] : parameter.DefaultValue
                ?? throw new InvalidOperationException($"internal error: hyperparameter {parameter.Name} of {cell.Name} has no default.");
            values[parameter] = value;
            summary.Add(new IrHyperParameter(parameter.Name, value, !given));
        }

        if (cell.HeadCount > MaxHeads)
        {
            diagnostics.Report(DiagnosticCatalog.TooManyHeads, cell.Source, cell.Span, cell.Name, cell.HeadCount.ToString(CultureInfo.InvariantCulture), MaxHeads.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var lowerer = new CellLowerer(cell, standardSources, values, diagnostics);
        var result = lowerer.Run(summary.ToImmutable());
        return diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors ? null : result;
    }

    private IrCell Run(ImmutableArray<IrHyperParameter> hyperParameters)
    {
        foreach (var statement in _cell.Body)
        {
            LowerStatement(statement);
        }

        var slots = new IrSlots(
            Gate(_cell.InputGate, "i"),
            Gate(_cell.ForgetGate, "f"),
            Gate(_cell.OutputGate, "o"),
            _cell.Candidate is { } candidate ? LowerExpression(candidate, 0) : throw Internal("the cell has no candidate"));
        CheckHeads();

        var inference = new LawInference(_builder, _registered);
        var gates = inference.Gates(slots);
        var klTerms = _cell.Body.OfType<BoundPriorStatement>().SelectMany(p => LowerPrior(p, inference)).ToList();

        var roots = slots.All
            .Concat(klTerms.SelectMany(t => t.Posterior.Parameters.Concat(t.Prior.Parameters)))
            .Concat(gates.SelectMany(g => (g.Law?.Parameters ?? default).Concat(g.Joint?.Law.Parameters ?? default)));
        // Every Gamma ratio becomes an IrRatio, which backends form from the draws' logarithms.
        var ratios = Enumerable.Range(0, _builder.Nodes.Count)
            .Where(k => _builder[k] is IrBinary { Operator: Language.Syntax.BinaryOperator.Divide })
            .Select(k => (Index: k, Ratio: inference.AsRatio(k)))
            .Where(r => r.Ratio is not null)
            .ToDictionary(r => r.Index, r => (IrNode)r.Ratio!);
        var (training, map) = IrRewriter.Compact(_builder, roots, slots, klTerms, ratios);
        var mappedGates = gates.Select(g => g with
        {
            Law = g.Law?.Remap(map),
            Joint = g.Joint is { } j ? j with { Law = j.Law.Remap(map) } : null,
        }).ToList();
        var (evaluation, evaluationKinds) = EvaluationProgram.Derive(training, _cell.Rule, mappedGates);
        var finalGates = mappedGates.Select((g, k) => g with { Evaluation = evaluationKinds[k] }).ToImmutableArray();
        return new IrCell(_cell.Name, _cell.HeadCount, _cell.Rule, training, evaluation, finalGates, hyperParameters);
    }

    private void LowerStatement(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundConstStatement c:
                _values[c.Symbol] = [Constant(c.Symbol.Value, c.Value.Span)];
                break;
            case BoundLetStatement let:
                LowerLet(let);
                break;
            case BoundDrawStatement draw:
                LowerDraw(draw);
                break;
            case BoundGateStatement gate:
                var value = LowerExpression(gate.Value, 0);
                _builder.Name(value, gate.Symbol.Name);
                _values[gate.Symbol] = [value];
                break;
            case BoundCandidateStatement or BoundPriorStatement or BoundEvaluateStatement:
                break; // the candidate is read through the cell's slot; priors after the body; the rule is the cell's
            default:
                throw Internal($"unexpected statement {statement.GetType().Name}");
        }
    }

    private void LowerLet(BoundLetStatement let)
    {
        var count = let.Symbol.Family?.Count ?? 1;
        var headsPerMember = BoundExprWalker.CountLinear(let.Value);
        var members = new int[count];
        for (var m = 0; m < count; m++)
        {
            members[m] = LowerExpression(let.Value, m * headsPerMember);
            _builder.Name(members[m], MemberName(let.Symbol, m));
        }

        _values[let.Symbol] = members;
    }

    /// <summary>The value of a bound expression; <paramref name="headOffset"/> shifts its heads to a family member's block.</summary>
    private int LowerExpression(BoundExpr expression, int headOffset)
    {
        var result = expression switch
        {
            BoundNumber n => _builder.Constant(n.Value),
            BoundLinear l => _builder.Head(l.Head + headOffset),
            BoundName { Symbol: ConstSymbol c } => Constant(c.Value, expression.Span),
            BoundName { Symbol: ParameterSymbol { IsHyperParameter: true } p } => _builder.Constant(_hyperParameters[p]),
            BoundName n => Value(n.Symbol, 0),
            BoundMember m => Value(m.Symbol, m.Index - (m.Symbol.Family ?? throw Internal($"{m.Symbol.Name} is not a family")).Low),
            BoundNegate n => _builder.Negate(LowerExpression(n.Operand, headOffset)),
            BoundCall { Arguments.Length: 1 } c => _builder.Link(c.Function, LowerExpression(c.Arguments[0], headOffset)),
            BoundBinary b => _builder.Binary(b.Operator, LowerExpression(b.Left, headOffset), LowerExpression(b.Right, headOffset)),
            _ => throw Internal($"{expression.GetType().Name} cannot be lowered; the cell must come from a compilation without errors"),
        };
        ReportNonFinite(result, expression);
        return result;
    }

    /// <summary>Reports a constant that folded to inf or NaN, once, at the innermost expression that made it.</summary>
    private void ReportNonFinite(int result, BoundExpr expression)
    {
        if (!_builder.TryConstant(result, out var value) || double.IsFinite(value))
        {
            return;
        }

        var operands = expression switch
        {
            BoundNegate n => [n.Operand],
            BoundCall c => c.Arguments.ToArray(),
            BoundBinary b => [b.Left, b.Right],
            _ => Array.Empty<BoundExpr>(),
        };
        if (operands.All(o => !IsNonFiniteConstant(o)))
        {
            _diagnostics.Report(DiagnosticCatalog.NonFiniteConstant, _cell.Source, expression.Span, double.IsNaN(value) ? "not a number" : value > 0 ? "+infinite" : "-infinite");
        }
    }

    private bool IsNonFiniteConstant(BoundExpr expression) =>
        BoundExprWalker.Variation(expression) is null && BoundExprWalker.Fold(expression) is null;

    private int Constant(double? value, TextSpan span) =>
        _builder.Constant(value ?? throw Internal($"a constant at {span} has no value"));

    private int Value(Symbol symbol, int member) =>
        _values.TryGetValue(symbol, out var members) && member >= 0 && member < members.Length
            ? members[member]
            : throw Internal($"'{symbol.Name}' has no value at member {member}");

    private int Gate(GateSymbol? gate, string name) =>
        gate is not null ? Value(gate, 0) : throw Internal($"the cell has no gate {name}");

    /// <summary>Lowering numbers heads exactly as the binder counted them: each of 0..K-1 appears.</summary>
    private void CheckHeads()
    {
        var used = _builder.Nodes.OfType<IrHead>().Select(h => h.Index).ToHashSet();
        if (used.Count != _cell.HeadCount || used.Any(h => h < 0 || h >= _cell.HeadCount))
        {
            throw Internal($"the binder counted {_cell.HeadCount} heads, lowering numbered {used.Count}");
        }
    }

    private static string MemberName(Symbol symbol, int member) =>
        symbol.Family is { } family ? $"{symbol.Name}[{family.Low + member}]" : symbol.Name;

    private InvalidOperationException Internal(string message) =>
        new($"internal error while lowering cell {_cell.Name}: {message}.");
}
