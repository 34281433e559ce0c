using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>A distribution call written on its own: the expression of <c>gatec sample</c>.</summary>
internal sealed partial class Binder
{
    /// <summary>What the not-constant diagnostic (GATE0305) calls an argument of a lone call.</summary>
    private const string StandaloneArgument = "an argument of the sampled distribution";

    /// <summary>
    /// Binds every file as <see cref="Bind"/> does, then <paramref name="call"/> in the scope of
    /// <paramref name="file"/>: a file of this compilation with no items whose imports are the
    /// roots the call may draw from. The call is bound like the right side of a draw whose
    /// arguments must be constants, so it gets the same arity, support and did-you-mean checks.
    /// </summary>
    public (BoundModel Model, BoundDistributionCall Call) BindStandaloneCall(CallSyntax call, SourceFile file)
    {
        BuildScopes();
        BindItems();
        var context = new BodyContext(_scopes[file], BodyKind.Constant, call.Callee.Text);
        var bound = BindDistributionCall(call, context, StandaloneArgument);

        // After the call, so that a file constant only the call uses is not reported as unused.
        ReportUnused();
        return (Model(), bound);
    }
}
