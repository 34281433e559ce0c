namespace GateDsl.Cli;

/// <summary>
/// <c>--</c> on the command line ends the options: what follows is taken as it is, so
/// <c>gatec check -- -odd-name.gate</c> checks a file whose name starts with a dash. System.CommandLine
/// already treats those tokens as arguments; this tells gatec's own unknown-option check
/// (<see cref="InputFiles.RejectUnknownOptions"/>) to leave them alone, for the parse under way.
/// </summary>
internal static class EndOfOptions
{
    private static readonly AsyncLocal<HashSet<string>?> Literal = new();

    /// <summary>Marks the arguments after the first <c>--</c> of <paramref name="args"/> as literal while the returned scope lives.</summary>
    public static IDisposable Parsing(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--");
        Literal.Value = index < 0 ? null : args.Skip(index + 1).ToHashSet(StringComparer.Ordinal);
        return new Scope();
    }

    /// <summary>
    /// Whether <paramref name="token"/> came after <c>--</c>. (A token spelled the same as an
    /// unknown option before the <c>--</c> counts as literal too; the command line would have to
    /// repeat it for that to matter.)
    /// </summary>
    public static bool IsLiteral(string token) => Literal.Value?.Contains(token) == true;

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Literal.Value = null;
    }
}
