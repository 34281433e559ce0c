namespace GateDsl.Language.Syntax;

/// <summary>The binary operators, loosest first within the enum's documentation.</summary>
public enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,

    /// <summary><c>^</c> (right-associative)</summary>
    Power,
}
