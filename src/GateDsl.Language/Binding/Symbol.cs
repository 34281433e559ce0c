using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>
/// Something a name can refer to inside an expression: a constant, parameter, let, draw or gate.
/// Symbols are compared by reference: two declarations are two symbols even with equal names.
/// </summary>
public abstract class Symbol
{
    /// <summary>Creates a symbol.</summary>
    protected Symbol(string name, SourceText source, TextSpan span, Support support, FamilyRange? family)
    {
        Name = name;
        Source = source;
        Span = span;
        Support = support;
        Family = family;
    }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    /// <summary>The file that declares it.</summary>
    public SourceText Source { get; }

    /// <summary>The span of the declaring name.</summary>
    public TextSpan Span { get; }

    /// <summary>The support of its value (of each member, for a family).</summary>
    public Support Support { get; }

    /// <summary>The member range when the symbol is a family such as g[1..5].</summary>
    public FamilyRange? Family { get; }

    /// <summary>What kind of thing this is, with an article, for messages ("a constant").</summary>
    public abstract string KindName { get; }

    /// <summary>Whether the value is random (depends on a draw).</summary>
    public abstract bool IsStochastic { get; }

    /// <summary>Where the declaration is, for "already defined at" messages (locals share the file: "line 3").</summary>
    public string Location => BindingText.Location(Source, Span);
}
