using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A declared parameter of a distribution, or a hyperparameter of a cell.</summary>
public sealed class ParameterSymbol : Symbol
{
    /// <summary>Creates a parameter symbol.</summary>
    public ParameterSymbol(string name, SourceText source, TextSpan span, Support support, double? defaultValue, bool isHyperParameter)
        : base(name, source, span, support, null)
    {
        DefaultValue = defaultValue;
        IsHyperParameter = isHyperParameter;
    }

    /// <summary>The folded default, when there is one.</summary>
    public double? DefaultValue { get; }

    /// <summary>
    /// Cell parameters are hyperparameters: fixed numbers, so they count as constants (a prior
    /// weight may be one). Distribution parameters vary with their arguments.
    /// </summary>
    public bool IsHyperParameter { get; }

    /// <inheritdoc />
    public override string KindName => IsHyperParameter ? "a cell parameter" : "a parameter";

    /// <inheritdoc />
    public override bool IsStochastic => false;
}
