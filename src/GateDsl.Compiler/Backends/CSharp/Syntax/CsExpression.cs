namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>
/// A C# expression of the emitted code. Records, so that a test can compare what the emitter builds
/// with what it expects; <see cref="CsPrinter"/> turns them into text with the fewest parentheses
/// that keep C#'s evaluation order (which matters: floating-point + is not associative).
/// </summary>
internal abstract record CsExpression;
