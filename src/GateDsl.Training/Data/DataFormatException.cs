namespace GateDsl.Training.Data;

/// <summary>
/// A data file that cannot be used: its message names the file, the position of the problem (a piece
/// and step, an item, a line, or a byte offset) and the problem itself, as
/// <c>FILE: POSITION: PROBLEM</c>. Loaders throw it for every malformed input; nothing else escapes them.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The file as the user named it (or the file inside a data folder).</param>
    /// <param name="position">Where in the file: "test piece 3, step 17", "item 12", "line 4, byte 9", "byte 1234".</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public DataFormatException(string file, string position, string problem)
        : base(string.IsNullOrEmpty(position) ? $"{file}: {problem}" : $"{file}: {position}: {problem}")
    {
        File = file;
        Position = position;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The position inside the file, or empty when the problem concerns the whole file.</summary>
    public string Position { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
