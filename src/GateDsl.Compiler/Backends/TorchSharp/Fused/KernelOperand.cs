namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>An operand of a kernel instruction: a slot of per-unit values, or a number.</summary>
/// <param name="Slot">The slot, or -1 for a constant.</param>
/// <param name="Constant">The number when <paramref name="Slot"/> is -1.</param>
internal readonly record struct KernelOperand(int Slot, double Constant)
{
    public bool IsConstant => Slot < 0;

    public static KernelOperand Of(double constant) => new(-1, constant);

    public static KernelOperand OfSlot(int slot) => new(slot, 0);
}
