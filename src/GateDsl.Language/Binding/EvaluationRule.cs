namespace GateDsl.Language.Binding;

/// <summary>What a cell does with its draws at evaluation time.</summary>
public enum EvaluationRule
{
    /// <summary>Replace every draw by its mean (the paper's choice, and the default).</summary>
    Mean,

    /// <summary>Keep sampling.</summary>
    Sample,

    /// <summary>Replace every draw by its mode (every primitive draw must have one).</summary>
    Mode,
}
