using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>draw target ~ Dist(args)</c>: a random draw; the target may be a family or a tuple.</summary>
public sealed record DrawStatement(Binder Target, CallSyntax Distribution, TextSpan Span) : Statement(Span);
