using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// One instruction of a <see cref="KernelPlan"/>: the IR instruction it runs, with operands resolved
/// to slots or numbers, and the slots it writes. Draws also keep what their gradient needs: the
/// standard noise (Uniform, Normal, Logistic) or the log draw and d(log draw)/d(shape) (Gamma).
/// </summary>
internal sealed record KernelOp(KernelOpKind Kind, int Out)
{
    public int Head { get; init; }

    public KernelOperand A { get; init; }

    public KernelOperand B { get; init; }

    public BuiltinFunction Function { get; init; }

    public BinaryOperator Operator { get; init; }

    public PrimitiveKind Law { get; init; }

    public int DrawId { get; init; }

    /// <summary>Gamma: the slot of ln X; Uniform, Normal, Logistic: the slot of the standard noise.</summary>
    public int Noise { get; init; } = -1;

    /// <summary>Gamma: the slot of d ln G / d shape.</summary>
    public int Derivative { get; init; } = -1;

    /// <summary>Ratio: the ln-draw slots of the numerator's Gammas.</summary>
    public int[] Numerator { get; init; } = [];

    /// <summary>Ratio: the ln-draw slots of the rest of the denominator.</summary>
    public int[] Rest { get; init; } = [];
}
