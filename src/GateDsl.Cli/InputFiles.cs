namespace GateDsl.Cli;

/// <summary>Checks the files named on the command line before any work is done.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Rejects tokens that look like options but are not files ("--bogus"): System.CommandLine would
    /// otherwise take them as file names. The error, with the closest option of the command
    /// (<see cref="UsageErrors.UnknownOption"/>), makes the command a usage error (exit 2). Tokens
    /// after <c>--</c> are file names, whatever they look like (<see cref="EndOfOptions"/>).
    /// </summary>
    public static void RejectUnknownOptions(System.CommandLine.Argument argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !EndOfOptions.IsLiteral(token.Value) && !File.Exists(token.Value)
                    && result.Parent is System.CommandLine.Parsing.CommandResult command)
                {
                    result.AddError(UsageErrors.UnknownOption(token.Value, command.Command));
                }
            }
        });
    }

    /// <summary>
    /// Returns <see langword="null"/> when every file exists, otherwise the usage exit code after
    /// naming each missing file on standard error.
    /// </summary>
    public static int? RequireExisting(CliContext context, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return context.UsageError("no input files: give at least one .gate file");
        }

        return RequireExistingOptional(context, files);
    }

    /// <summary>
    /// Like <see cref="RequireExisting"/> for files that are optional (<c>--import</c>): an empty list
    /// is fine; each missing or unreadable file is named on standard error.
    /// </summary>
    public static int? RequireExistingOptional(CliContext context, IReadOnlyList<string> files)
    {
        var ok = true;
        foreach (var file in files)
        {
            if (Problem(file) is { } problem)
            {
                context.UsageError(problem);
                ok = false;
            }
        }

        return ok ? null : ExitCodes.Usage;
    }

    private static string? Problem(string file)
    {
        if (Directory.Exists(file))
        {
            return $"'{file}' is a directory, not a .gate file";
        }

        if (!File.Exists(file))
        {
            return $"file not found: {file}";
        }

        try
        {
            using var stream = File.OpenRead(file);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {file}: {ex.Message}";
        }
    }
}
