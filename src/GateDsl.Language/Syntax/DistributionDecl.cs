using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>distribution Name(params) { draws, lets, value }</c>: a law built from primitive draws.</summary>
public sealed record DistributionDecl(Identifier Name, ImmutableArray<Parameter> Parameters, ImmutableArray<Statement> Body, TextSpan Span) : Item(Span);
