using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GateDsl.Cli.Commands;

/// <summary>
/// Optional real-number and 64-bit options parsed by gatec itself, so a bad value is a usage error with
/// a message for people ("--lr must be a number > 0 (got 'fast')") rather than a type name.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An optional <see cref="double"/> (null when absent) that <paramref name="valid"/> accepts; otherwise "NAME must be EXPECTED (got ...)".</summary>
    public static Option<double?> Real(string name, string description, string expected, Func<double, bool> valid) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }

                var text = result.Tokens[^1].Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && valid(value))
                {
                    return value;
                }

                result.AddError($"{name} must be {expected} (got '{text}')");
                return null;
            },
        };

    /// <summary>An optional <see cref="long"/> (null when absent), any whole number.</summary>
    public static Option<long?> Whole64(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name),
        };

    private static long? Parse(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name} must be a whole number (got '{text}')");
        return null;
    }
}
