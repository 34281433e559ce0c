namespace GateDsl.Compiler.Ir;

/// <summary>A gate's place in a joint law: (i, f) ~ BivariateBeta(a, b, c) gives i component 0 and f component 1.</summary>
/// <param name="Law">The joint law.</param>
/// <param name="Component">0 for X, 1 for Y.</param>
/// <param name="Partner">The other gate of the pair.</param>
public sealed record IrJoint(IrLaw Law, int Component, string Partner);
