using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Description;

/// <summary>
/// Turns a bound cell and its lowered IR into what <c>gatec describe</c> shows: the one place that
/// puts the cell as written (from the binder) next to what the compiler inferred (from the IR).
/// </summary>
public static class CellDescriber
{
    /// <summary>The cell's summary.</summary>
    /// <param name="cell">The bound cell.</param>
    /// <param name="ir">Its lowering with default hyperparameters, or null when there is none (a compilation with errors).</param>
    public static CellSummary Describe(BoundCell cell, IrCell? ir)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var line = cell.Source.GetLinePosition(cell.Span.Start).Line;
        var draws = InlinedDraws.Of(cell)
            .Select(d => new DrawSummary(d.Name, d.Distribution.Name, d.Count, d.Support.ToString()))
            .ToList();
        var parameters = cell.Parameters
            // A missing default was reported (GATE0413); 0 stands in so that summaries stay
            // serializable (JSON has no NaN).
            .Select(p => new HyperParameterSummary(p.Name, p.Support.ToString(), p.DefaultValue ?? 0))
            .ToList();
        return new CellSummary(
            cell.Name,
            cell.Source.Path,
            line,
            cell.HeadCount,
            Gates(cell, ir),
            Joint(ir),
            draws,
            Priors(cell, ir),
            cell.Rule.ToString().ToLowerInvariant(),
            cell.RuleIsDefault,
            parameters,
            ir);
    }

    /// <summary>A law of <paramref name="program"/> written over source names.</summary>
    public static LawSummary Law(IrProgram program, IrLaw law)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(law);
        return new LawSummary(law.Family.ToString(), law.Parameters.Select(p => IrPrinter.Expression(program, p)).ToList());
    }

    private static List<GateSummary> Gates(BoundCell cell, IrCell? ir)
    {
        var gates = new List<GateSummary>();
        foreach (var gateName in new[] { "i", "f", "o" })
        {
            foreach (var statement in cell.Body)
            {
                switch (statement)
                {
                    case BoundGateStatement g when g.Symbol.Name == gateName:
                        gates.Add(Gate(ir, gateName, g.Symbol.IsStochastic, BoundExprPrinter.Print(g.Value), g.Value.Support.ToString()));
                        break;
                    case BoundDrawStatement { IsGate: true } d when d.Targets.FirstOrDefault(t => t.Name == gateName) is { } target:
                        gates.Add(Gate(ir, gateName, true, $"{d.TargetText} ~ {BoundExprPrinter.PrintCall(d.Call)}", target.Support.ToString()));
                        break;
                }
            }
        }

        foreach (var candidate in cell.Body.OfType<BoundCandidateStatement>())
        {
            gates.Add(Gate(ir, "candidate", BoundExprWalker.IsStochastic(candidate.Value), BoundExprPrinter.Print(candidate.Value), candidate.Value.Support.ToString()));
        }

        return gates;
    }

    private static GateSummary Gate(IrCell? ir, string name, bool isStochastic, string definition, string support)
    {
        var lowered = ir?.Gates.FirstOrDefault(g => g.Name == name);
        var law = lowered?.Law is { } l ? Law(ir!.Training, l) : null;
        return new GateSummary(name, isStochastic, definition, support, law, lowered?.Evaluation);
    }

    private static JointLawSummary? Joint(IrCell? ir) =>
        ir?.Gates.FirstOrDefault(g => g.Joint is { Component: 0 }) is { Joint: { } joint } first
            ? new JointLawSummary([first.Name, joint.Partner], Law(ir.Training, joint.Law))
            : null;

    private static List<PriorSummary> Priors(BoundCell cell, IrCell? ir)
    {
        // Lowering makes one KL term per prior and member, named like the member (g[3]), in order.
        var terms = new Queue<IrKlTerm>(ir?.Training.KlTerms ?? []);
        var result = new List<PriorSummary>();
        foreach (var prior in cell.Body.OfType<BoundPriorStatement>())
        {
            var mine = new List<KlTermSummary>();
            foreach (var target in MemberTargets(prior))
            {
                if (terms.Count > 0 && terms.Peek().Target == target)
                {
                    var term = terms.Dequeue();
                    mine.Add(new KlTermSummary(term.Target, Law(ir!.Training, term.Posterior), Law(ir.Training, term.Prior), term.Method));
                }
            }

            result.Add(new PriorSummary(prior.TargetText, BoundExprPrinter.PrintCall(prior.Call), prior.Weight, mine));
        }

        return result;
    }

    private static IEnumerable<string> MemberTargets(BoundPriorStatement prior)
    {
        if (prior.Target.Family is not { } family)
        {
            return [prior.Target.Name];
        }

        var members = prior.Members is { } range ? Enumerable.Range(range.Low, range.Count) : [family.Low];
        return members.Select(m => $"{prior.Target.Name}[{m}]");
    }
}
