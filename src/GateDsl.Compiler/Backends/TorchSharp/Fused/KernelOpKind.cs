namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>What a kernel instruction computes (one per IR instruction kind the kernel runs).</summary>
internal enum KernelOpKind
{
    Head,
    Link,
    Negate,
    Binary,
    Draw,
    Ratio,
}
