using System.Text.RegularExpressions;

namespace GateDsl.Training.Tasks;

/// <summary>
/// The sentences task's tokenizer: lower case (invariant culture), then every run of letters and
/// digits, keeping an apostrophe between letters ("don't", "it's") inside its word. Punctuation is
/// dropped.
/// </summary>
internal static partial class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)*")]
    private static partial Regex Word();
}
