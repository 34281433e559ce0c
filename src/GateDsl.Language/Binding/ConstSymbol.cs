using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A <c>const</c>: a compile-time number, at file level or in a body.</summary>
public sealed class ConstSymbol : Symbol
{
    /// <summary>Creates a constant symbol.</summary>
    public ConstSymbol(string name, SourceText source, TextSpan span, Support support, double? value, bool isFileLevel)
        : base(name, source, span, support, null)
    {
        Value = value;
        IsFileLevel = isFileLevel;
    }

    /// <summary>The folded value; null when the initializer was not constant (already reported).</summary>
    public double? Value { get; }

    /// <summary>Whether it is declared at the top level of a file.</summary>
    public bool IsFileLevel { get; }

    /// <inheritdoc />
    public override string KindName => "a constant";

    /// <inheritdoc />
    public override bool IsStochastic => false;
}
