using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A name bound by <c>draw</c>: one random value, a family of them, or one value of a joint draw.</summary>
public sealed class DrawSymbol : Symbol
{
    /// <summary>Creates a draw symbol.</summary>
    public DrawSymbol(string name, SourceText source, TextSpan span, Support support, FamilyRange? family, string distribution, bool isJointMember)
        : base(name, source, span, support, family)
    {
        Distribution = distribution;
        IsJointMember = isJointMember;
    }

    /// <summary>The distribution drawn from.</summary>
    public string Distribution { get; }

    /// <summary>Whether it is one name of a tuple bound to a joint distribution.</summary>
    public bool IsJointMember { get; }

    /// <inheritdoc />
    public override string KindName => "a draw";

    /// <inheritdoc />
    public override bool IsStochastic => true;
}
