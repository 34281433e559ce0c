namespace GateDsl.Compiler.Ir;

/// <summary>Which summary of a law an <see cref="IrMoment"/> computes.</summary>
public enum MomentKind
{
    /// <summary>The mean.</summary>
    Mean,

    /// <summary>The mode where it is unique; the mean where it is not (a U-shaped or flat Beta, say).</summary>
    Mode,
}
