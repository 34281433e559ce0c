namespace GateDsl.Training.Runs;

/// <summary>Command lines as a POSIX shell reads them, for metrics.json and compare reports.</summary>
public static class CommandText
{
    /// <summary><c>gatec</c> followed by the arguments, each quoted when the shell would split or expand it.</summary>
    public static string Gatec(IEnumerable<string> arguments) => "gatec " + string.Join(' ', arguments.Select(Quote));

    /// <summary>The argument as is when it is plain, otherwise in single quotes.</summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var plain = argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c, StringComparison.Ordinal));
        return plain ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
