using GateDsl.Compiler.Backends.CSharp.Syntax;
using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// A step method's body as the emitter built it. Records with structural equality: the training and
/// the evaluation step of a cell without draws come out equal and share one method.
/// </summary>
/// <param name="Body">The statements, ending with the return of (i, f, o, candidate[, kl]).</param>
/// <param name="ReadsStep">Whether the body reads the step index (it draws).</param>
internal sealed record EmittedStep(EquatableArray<CsStatement> Body, bool ReadsStep);
