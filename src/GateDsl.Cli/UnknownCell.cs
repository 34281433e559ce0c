namespace GateDsl.Cli;

/// <summary>The usage error for a <c>--cell</c> a file does not declare: the closest name, and the file's cells.</summary>
internal static class UnknownCell
{
    /// <summary>Reports it on standard error and returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Report(CliContext context, string file, string name, IReadOnlyList<string> cells)
    {
        if (cells.Count == 0)
        {
            return context.UsageError($"no cell '{name}' in {file}: it defines no cells");
        }

        var suggestion = Suggestions.Closest(name, cells);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        context.UsageError($"no cell '{name}' in {file}{hint}");
        context.Error.WriteLine($"cells in {file}: {string.Join(", ", cells)}");
        return ExitCodes.Usage;
    }
}
