namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// weight * KL(Gamma(shape, rate) || Gamma(priorShape, priorRate)) per unit, with the prior's
/// parameters constant; <paramref name="ShapeGradient"/> and <paramref name="RateGradient"/> are the
/// slots where the forward leaves dKL/dshape and dKL/drate for the backward.
/// </summary>
internal sealed record KernelKlTerm(double Weight, KernelOperand Shape, KernelOperand Rate, double PriorShape, double PriorRate, int ShapeGradient, int RateGradient);
