namespace GateDsl.Language.Binding;

/// <summary>The primitive draws of a cell with user distributions inlined (what <c>evaluate mode</c> checks and <c>describe</c> lists).</summary>
public static class InlinedDraws
{
    // Recursive distributions are cut by the binder (the call resolves to nothing), so this is
    // only a second guard.
    private const int MaxInlineDepth = 64;

    /// <summary>Every primitive draw of the cell, in source order, qualified by the names of the distributions it comes from (<c>i.u</c>).</summary>
    public static IReadOnlyList<InlinedDraw> Of(BoundCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var result = new List<InlinedDraw>();
        foreach (var draw in cell.Body.OfType<BoundDrawStatement>())
        {
            Expand(draw, prefix: null, multiplier: 1, depth: 0, result);
        }

        return result;
    }

    private static void Expand(BoundDrawStatement draw, string? prefix, int multiplier, int depth, List<InlinedDraw> result)
    {
        if (draw.Targets.Length == 0)
        {
            return;
        }

        var name = draw.Targets.Length == 1 ? draw.Targets[0].Name : draw.TargetText;
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
}
