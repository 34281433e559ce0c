namespace GateDsl.Compiler.Ir;

/// <summary>How an evaluation step computes a gate.</summary>
public enum GateEvaluation
{
    /// <summary>No draws: the same in training and evaluation.</summary>
    Deterministic,

    /// <summary>`evaluate sample`: drawn as in training.</summary>
    Sampled,

    /// <summary>The exact mean of its law (by its formula, or by replacing draws with their means where that is exact, as for Gamma ratios).</summary>
    ExactMean,

    /// <summary>Its law unknown: every draw replaced by its mean (the paper's rule), which need not be the gate's mean.</summary>
    PlugInMean,

    /// <summary>The mode of its law where unique, else its mean.</summary>
    ExactMode,

    /// <summary>Its law unknown: every draw replaced by its mode.</summary>
    PlugInMode,
}
