using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>gate i ~ Beta(...)</c> or <c>gate (i, f) ~ BivariateBeta(...)</c>: gates drawn from a distribution.</summary>
public sealed record GateDrawStatement(Binder Target, CallSyntax Distribution, TextSpan Span) : Statement(Span);
