using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GateDsl.Cli;

/// <summary>
/// Options that take a whole number, parsed by gatec itself so that a bad value is a usage error
/// (exit 2) with a message for people ("--input-size must be a whole number >= 1 (got 'abc')")
/// instead of System.CommandLine's "expected type 'System.Nullable`1[System.Int32]'".
/// </summary>
internal static class WholeNumberOptions
{
    /// <summary>
    /// An optional <see cref="int"/> option (null when absent) whose value must lie in
    /// <paramref name="minimum"/>..<see cref="int.MaxValue"/>.
    /// </summary>
    public static Option<int?> Optional(string name, string description, int minimum) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name, minimum, rangeProblem: null),
        };

    /// <summary>
    /// An <see cref="int"/> option with a default; a value that is not a whole number, or that
    /// <paramref name="rangeProblem"/> rejects (it returns the message, or null when the value is
    /// fine), is a parse error and so a usage error.
    /// </summary>
    public static Option<int> WithDefault(string name, string description, int defaultValue, Func<long, string?> rangeProblem) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(result, name, int.MinValue, rangeProblem) ?? defaultValue,
        };

    /// <summary>
    /// The value of the option's last token, or null when it has none or after adding an error to
    /// <paramref name="result"/>: the token is not a whole number, <paramref name="rangeProblem"/>
    /// rejects it, or it lies outside <paramref name="minimum"/>..<see cref="int.MaxValue"/>.
    /// </summary>
    private static int? Parse(ArgumentResult result, string name, int minimum, Func<long, string?>? rangeProblem)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        var expected = $"a whole number >= {minimum.ToString(CultureInfo.InvariantCulture)}";
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError(rangeProblem is null
                ? $"{name} must be {expected} (got '{text}')"
                : $"{name} must be a whole number (got '{text}')");
            return null;
        }

        if (rangeProblem?.Invoke(value) is { } problem)
        {
            result.AddError(problem);
            return null;
        }

        if (value < minimum)
        {
            result.AddError($"{name} must be {expected} (got {value.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        if (value > int.MaxValue)
        {
            var max = int.MaxValue.ToString(CultureInfo.InvariantCulture);
            result.AddError($"{name} must be at most {max} (got {value.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return (int)value;
    }
}
