namespace GateDsl.Language.Formatting;

/// <summary>Whether a blank line goes before the first line of an item or statement (its first leading comment, or itself).</summary>
internal enum Separation
{
    /// <summary>Never: the first item of a file, the first statement of a body.</summary>
    None,

    /// <summary>One blank line if the source had at least one there (gofmt's rule); more collapse to one.</summary>
    AsInSource,

    /// <summary>Always one blank line: between top-level items of different kinds, and around declarations.</summary>
    Blank,
}
