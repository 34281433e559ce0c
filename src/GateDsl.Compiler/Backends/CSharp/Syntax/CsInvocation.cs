using System.Collections.Immutable;
using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>target(arguments)</c>: a method call such as <c>torch.sigmoid(x)</c> or <c>x.pow(2.0)</c>.</summary>
/// <param name="Target">The method: a name or a member access.</param>
/// <param name="Arguments">The arguments in order.</param>
internal sealed record CsInvocation(CsExpression Target, EquatableArray<CsArgument> Arguments) : CsExpression
{
    /// <summary>A call with positional arguments.</summary>
    public static CsInvocation Of(CsExpression target, params CsArgument[] arguments) => new(target, arguments.ToImmutableArray());

    /// <summary>A call of the method <paramref name="method"/> of <paramref name="receiver"/>.</summary>
    public static CsInvocation Method(CsExpression receiver, string method, params CsArgument[] arguments) =>
        new(new CsMemberAccess(receiver, method), arguments.ToImmutableArray());
}
