using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>Which targets (and which members of a family) already have a prior in one cell.</summary>
internal sealed class PriorTracker
{
    // Ranges rather than members, so that g[1..2000000000] costs nothing.
    private readonly List<(Symbol Target, long Low, long High, TextSpan Span)> _claimed = new();

    /// <summary>Claims the members; returns the span of an earlier prior on any of them, if there is one.</summary>
    public TextSpan? Claim(Symbol target, FamilyRange? members, TextSpan span)
    {
        var (low, high) = members is { } m ? ((long)m.Low, (long)m.High) : (long.MinValue, long.MinValue);
        foreach (var claim in _claimed)
        {
            if (ReferenceEquals(claim.Target, target) && claim.Low <= high && low <= claim.High)
            {
                return claim.Span;
            }
        }

        _claimed.Add((target, low, high, span));
        return null;
    }
}
