using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A file-level <c>const name = expr</c>, visible to every cell and distribution of the file and its importers.</summary>
public sealed record ConstItem(Identifier Name, Expr Value, TextSpan Span) : Item(Span);
