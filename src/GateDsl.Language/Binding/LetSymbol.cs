using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A <c>let</c>: a named deterministic function of heads, draws and constants.</summary>
public sealed class LetSymbol : Symbol
{
    /// <summary>Creates a let symbol.</summary>
    public LetSymbol(string name, SourceText source, TextSpan span, Support support, FamilyRange? family, bool isStochastic)
        : base(name, source, span, support, family)
    {
        IsStochastic = isStochastic;
    }

    /// <inheritdoc />
    public override string KindName => "a let";

    /// <inheritdoc />
    public override bool IsStochastic { get; }
}
