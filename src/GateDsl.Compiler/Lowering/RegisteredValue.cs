using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// A value produced by one call of a registered standard-library law: the law, which component of
/// it the value is, and which call (two calls with equal arguments are independent draws, so their
/// components are no pair).
/// </summary>
/// <param name="Law">The law, its parameters in the program being built.</param>
/// <param name="Component">0 for a scalar law; the component of a joint law.</param>
/// <param name="Call">Distinguishes the calls of a cell: 0, 1, ... in lowering order.</param>
internal sealed record RegisteredValue(IrLaw Law, int Component, int Call);
