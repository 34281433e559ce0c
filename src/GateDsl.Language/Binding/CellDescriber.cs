using GateDsl.Language.Model;

namespace GateDsl.Language.Binding;

/// <summary>Turns a bound cell into what <c>gatec describe</c> shows, inlining user distributions.</summary>
public static class CellDescriber
{
    // Recursive distributions are cut by the binder (the call resolves to nothing), so this is
    // only a second guard.
    private const int MaxInlineDepth = 64;

    /// <summary>The cell's summary: gates, inlined draws, heads, priors, rule and hyperparameters.</summary>
    public static CellSummary Describe(BoundCell cell)
    {
        var line = cell.Source.GetLinePosition(cell.Span.Start).Line;
        var draws = PrimitiveDraws(cell)
            .Select(d => new DrawSummary(d.Name, d.Distribution.Name, d.Count, d.Support.ToString()))
            .ToList();
        var priors = cell.Body.OfType<BoundPriorStatement>()
            .Select(p => new PriorSummary(p.TargetText, CallText(p.Call), p.Weight))
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
            Gates(cell),
            draws,
            priors,
            cell.Rule.ToString().ToLowerInvariant(),
            cell.RuleIsDefault,
            parameters);
    }

    /// <summary>Every primitive draw of the cell, with user distributions inlined.</summary>
    public static IEnumerable<InlinedDraw> PrimitiveDraws(BoundCell cell)
    {
        var result = new List<InlinedDraw>();
        foreach (var draw in cell.Body.OfType<BoundDrawStatement>())
        {
            Expand(draw, prefix: null, multiplier: 1, depth: 0, result);
        }

        return result;
    }

    /// <summary>The canonical text of a distribution call: <c>Beta(softplus(linear) + eps, 2)</c>.</summary>
    public static string CallText(BoundDistributionCall call) =>
        call.Name + "(" + string.Join(", ", call.Arguments.Select(BoundExprPrinter.Print)) + ")";

    private static void Expand(BoundDrawStatement draw, string? prefix, int multiplier, int depth, List<InlinedDraw> result)
    {
        var name = draw.Targets.Length == 1 ? draw.Targets[0].Name : draw.TargetText;
        if (draw.Targets.Length == 0)
        {
            return;
        }

        var qualified = prefix is null ? name : prefix + "." + name;
        var count = (int)Math.Min((long)multiplier * (draw.Family?.Count ?? 1), int.MaxValue);
        switch (draw.Call.Distribution)
        {
            case PrimitiveDistribution p:
                var support = draw.Call.ValueSupports.Length > 0 ? draw.Call.ValueSupports[0] : p.Result;
                result.Add(new InlinedDraw(qualified, p, count, support));
                break;
            case BoundDistribution d when depth < MaxInlineDepth:
                foreach (var inner in d.Body.OfType<BoundDrawStatement>())
                {
                    Expand(inner, qualified, count, depth + 1, result);
                }

                break;
        }
    }

    private static List<GateSummary> Gates(BoundCell cell)
    {
        var gates = new List<GateSummary>();
        foreach (var gateName in new[] { "i", "f", "o" })
        {
            foreach (var statement in cell.Body)
            {
                switch (statement)
                {
                    case BoundGateStatement g when g.Symbol.Name == gateName:
                        gates.Add(new GateSummary(gateName, g.Symbol.IsStochastic, BoundExprPrinter.Print(g.Value), g.Value.Support.ToString()));
                        break;
                    case BoundDrawStatement { IsGate: true } d when d.Targets.FirstOrDefault(t => t.Name == gateName) is { } target:
                        gates.Add(new GateSummary(gateName, true, $"{d.TargetText} ~ {CallText(d.Call)}", target.Support.ToString()));
                        break;
                }
            }
        }

        foreach (var candidate in cell.Body.OfType<BoundCandidateStatement>())
        {
            gates.Add(new GateSummary("candidate", BoundExprWalker.IsStochastic(candidate.Value), BoundExprPrinter.Print(candidate.Value), candidate.Value.Support.ToString()));
        }

        return gates;
    }
}
