using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>An LSTM gate i, f or o, defined by <c>gate x = expr</c> or drawn with <c>gate x ~ Dist(...)</c>.</summary>
public sealed class GateSymbol : Symbol
{
    /// <summary>Creates a gate symbol.</summary>
    public GateSymbol(string name, SourceText source, TextSpan span, Support support, bool isDrawn, bool isJointMember, bool isStochastic, string? distribution)
        : base(name, source, span, support, null)
    {
        IsDrawn = isDrawn;
        IsJointMember = isJointMember;
        IsStochastic = isStochastic;
        Distribution = distribution;
    }

    /// <summary>Whether it is bound with <c>~</c> (a prior may target it).</summary>
    public bool IsDrawn { get; }

    /// <summary>Whether it is one name of a tuple bound to a joint distribution.</summary>
    public bool IsJointMember { get; }

    /// <summary>The distribution it is drawn from, when <see cref="IsDrawn"/>.</summary>
    public string? Distribution { get; }

    /// <inheritdoc />
    public override string KindName => IsDrawn ? "a drawn gate" : "a deterministic gate";

    /// <inheritdoc />
    public override bool IsStochastic { get; }
}
