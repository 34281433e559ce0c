namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>The arithmetic operators the emitted code uses; TorchSharp maps each to one tensor operation.</summary>
internal enum CsBinaryOperator
{
    /// <summary><c>+</c>: <c>left.add(right)</c>.</summary>
    Add,

    /// <summary><c>-</c>: <c>left.sub(right)</c>; with a number on the left, <c>right.negative().add(left)</c>.</summary>
    Subtract,

    /// <summary><c>*</c>: <c>left.mul(right)</c>.</summary>
    Multiply,

    /// <summary><c>/</c>: <c>left.div(right)</c>; with a number on the left, <c>right.reciprocal().mul(left)</c>.</summary>
    Divide,
}
