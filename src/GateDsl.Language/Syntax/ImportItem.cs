using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>import "path.gate"</c>. <paramref name="Path"/> is the unquoted path.</summary>
public sealed record ImportItem(string Path, TextSpan PathSpan, TextSpan Span) : Item(Span);
