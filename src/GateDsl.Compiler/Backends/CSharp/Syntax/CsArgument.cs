namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>One argument of a call, positional or named (<c>validate: false</c>).</summary>
/// <param name="Value">The argument.</param>
/// <param name="Name">The parameter's name for a named argument; null for a positional one.</param>
internal sealed record CsArgument(CsExpression Value, string? Name = null)
{
    /// <summary>A positional argument.</summary>
    public static implicit operator CsArgument(CsExpression value) => new(value);
}
