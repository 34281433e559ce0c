using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GateDsl.Language.Binding;

namespace GateDsl.Cli;

/// <summary>
/// The command line's parse errors in one style, one line each: an unknown command or option with
/// the closest name ("unknown command 'chek': did you mean 'check'?"), a value of the wrong type in
/// plain words ("--seed must be a whole number (got 'abc')", never a .NET type name), and the rest
/// as System.CommandLine words them. Suggestions come from <see cref="DidYouMean"/>, as the
/// language's do.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The lines to print (without the <c>gatec: </c> prefix) for a parse with errors.</summary>
    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var unmatched = result.UnmatchedTokens;
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            // `gatec chek file.gate`: the rest of the line belongs to the command that was meant.
            return [UnknownCommand(unmatched[0], command)];
        }

        var lines = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            if (unmatched[i].StartsWith('-'))
            {
                lines.Add(UnknownOption(unmatched[i], command));
            }
            else if (i == 0 || !unmatched[i - 1].StartsWith('-'))
            {
                // A word right after an unknown option is taken to be its value, not a mistake of its own.
                lines.Add($"unexpected argument '{unmatched[i]}' for gatec {command.Name}");
            }
        }

        foreach (var error in result.Errors)
        {
            // System.CommandLine also reports each unmatched token; those are described above.
            if (unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                continue;
            }

            lines.Add(WrongType(error) ?? (command is RootCommand && unmatched.Count == 0 && result.Tokens.Count == 0 ? NoCommand(command) : error.Message));
        }

        return lines.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"unknown option '--jsn' for gatec check: did you mean '--json'?" (or the command's options when nothing is close).</summary>
    public static string UnknownOption(string token, Command command)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal).ToList();
        var name = command is RootCommand ? "gatec" : $"gatec {command.Name}";
        return DidYouMean.Suggest(token, names) is { } suggestion
            ? $"unknown option '{token}' for {name}: did you mean '{suggestion}'?"
            : $"unknown option '{token}' for {name}; its options are {string.Join(", ", names.Where(n => n.StartsWith("--", StringComparison.Ordinal)))}";
    }

    private static string UnknownCommand(string token, Command root)
    {
        var names = root.Subcommands.Select(c => c.Name).ToList();
        return DidYouMean.Suggest(token, names) is { } suggestion
            ? $"unknown command '{token}': did you mean '{suggestion}'?"
            : $"unknown command '{token}'; the commands are {string.Join(", ", names)}";
    }

    private static string NoCommand(Command root) =>
        $"no command given; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))} (gatec --help describes them)";

    /// <summary>
    /// A value System.CommandLine could not convert to its option's type, in plain words, or null
    /// when <paramref name="error"/> is something else. (Options gatec parses itself already say
    /// this; the rest would otherwise name a .NET type such as System.Int64.)
    /// </summary>
    private static string? WrongType(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        if (option is null || HasOwnParser(option) || error.SymbolResult is not { } symbol)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        var text = symbol.Tokens.Count > 0 ? symbol.Tokens[^1].Value : null;
        var (expected, parses) = type switch
        {
            _ when type == typeof(int) => ("a whole number", text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            _ when type == typeof(long) => ("a whole number", text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            _ when type == typeof(double) => ("a number", text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
            _ when type == typeof(bool) => ("true or false", text is not null && bool.TryParse(text, out _)),
            _ => (null, true),
        };
        if (expected is null || parses || text is null)
        {
            return null;
        }

        // A whole number too large for an int is still a whole number: then the range is what is wrong.
        var range = type == typeof(int) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $" from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}"
            : string.Empty;
        return $"{option.Name} must be {expected}{range} (got '{text}')";
    }

    /// <summary>Options gatec parses itself (<see cref="WholeNumberOptions"/>, <c>NumberOptions</c>) word their own errors.</summary>
    private static bool HasOwnParser(Option option) => option switch
    {
        Option<int> o => o.CustomParser is not null,
        Option<int?> o => o.CustomParser is not null,
        Option<long> o => o.CustomParser is not null,
        Option<long?> o => o.CustomParser is not null,
        Option<double> o => o.CustomParser is not null,
        Option<double?> o => o.CustomParser is not null,
        _ => false,
    };
}
