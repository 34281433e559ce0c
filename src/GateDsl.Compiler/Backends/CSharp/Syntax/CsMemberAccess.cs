namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>target.Member</c>: a property (<c>.Mean</c>) or, inside a <see cref="CsInvocation"/>, a method.</summary>
/// <param name="Target">The object.</param>
/// <param name="Member">The member's name.</param>
internal sealed record CsMemberAccess(CsExpression Target, string Member) : CsExpression;
