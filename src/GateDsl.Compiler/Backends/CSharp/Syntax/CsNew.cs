using System.Collections.Immutable;
using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>new Type(arguments)</c>.</summary>
/// <param name="Type">The type's name as written.</param>
/// <param name="Arguments">The constructor's arguments.</param>
internal sealed record CsNew(string Type, EquatableArray<CsArgument> Arguments) : CsExpression
{
    /// <summary>A construction with the given arguments.</summary>
    public static CsNew Of(string type, IEnumerable<CsArgument> arguments) => new(type, arguments.ToImmutableArray());
}
