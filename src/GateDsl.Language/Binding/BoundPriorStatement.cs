using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>prior target ~ D(args) weight w</c>. <paramref name="Members"/> is the member range for a family target.</summary>
public sealed record BoundPriorStatement(Symbol Target, FamilyRange? Members, BoundDistributionCall Call, double Weight, TextSpan Span) : BoundStatement(Span)
{
    /// <summary>How the target is written: <c>g[1..5]</c>, <c>g[2]</c> or <c>i</c>.</summary>
    public string TargetText => Members switch
    {
        null => Target.Name,
        { } m when m.Low == m.High => $"{Target.Name}[{m.Low}]",
        { } m => Target.Name + m,
    };
}
