using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>
/// <c>draw x ~ D(...)</c>, <c>draw g[1..5] ~ D(...)</c>, <c>draw (x, y) ~ J(...)</c>, or the same with
/// <c>gate</c> (<paramref name="IsGate"/>). A family draws each member independently, with its own heads.
/// </summary>
public sealed record BoundDrawStatement(ImmutableArray<Symbol> Targets, BoundDistributionCall Call, bool IsGate, FamilyRange? Family, TextSpan Span) : BoundStatement(Span)
{
    /// <summary>How the targets are written: <c>g</c>, <c>g[1..5]</c> or <c>(i, f)</c>.</summary>
    public string TargetText =>
        Targets.Length == 1
            ? Targets[0].Name + (Family is { } f ? f.ToString() : string.Empty)
            : "(" + string.Join(", ", Targets.Select(t => t.Name)) + ")";
}
