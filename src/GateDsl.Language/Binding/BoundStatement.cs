using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A checked statement of a cell or distribution body.</summary>
public abstract record BoundStatement(TextSpan Span);
