using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>cell Name(params) { ... }</c>: an LSTM cell with gates i, f, o and a candidate. Parameters are hyperparameters with defaults.</summary>
public sealed record CellDecl(Identifier Name, ImmutableArray<Parameter> Parameters, ImmutableArray<Statement> Body, TextSpan Span) : Item(Span);
