namespace GateDsl.Cli;

/// <summary>Checks a path gatec is asked to write (<c>compile -o</c>) before any work is done.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Why <paramref name="path"/> cannot be written as a file, or null when it can be tried: it must be
    /// a file name, not a folder, in a folder that exists (gatec creates no folders).
    /// </summary>
    /// <param name="option">The option as the user typed it, for the message (<c>-o</c>).</param>
    /// <param name="path">The path given.</param>
    /// <param name="example">A file name to suggest (<c>Cell.cs</c>).</param>
    public static string? Problem(string option, string path, string example)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{option} needs a file name, e.g. {option} {example} (got an empty path)";
        }

        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            return $"{option} '{path}' is a folder; give a file name such as {Path.Combine(path, example)}";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            return $"{option} '{path}': the folder {folder} does not exist (gatec creates no folders)";
        }

        return null;
    }
}
