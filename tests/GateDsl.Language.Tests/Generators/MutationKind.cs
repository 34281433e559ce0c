namespace GateDsl.Language.Tests.Generators;

/// <summary>How a stdlib file is mutated.</summary>
public enum MutationKind
{
    /// <summary>One line removed.</summary>
    DeleteLine,

    /// <summary>Two lines exchanged.</summary>
    SwapLines,

    /// <summary>One line written twice.</summary>
    DuplicateLine,

    /// <summary>The text cut at a random character.</summary>
    Truncate,

    /// <summary>One random token of the grammar inserted at a random character.</summary>
    InsertToken,
}
