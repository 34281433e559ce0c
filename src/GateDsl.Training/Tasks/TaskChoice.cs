using System.Globalization;

namespace GateDsl.Training.Tasks;

/// <summary>
/// A task as <c>--task</c> names it: <c>music</c>, <c>mnist</c> (= <c>mnist:rows</c>), <c>mnist:pixels</c>,
/// <c>mnist:permuted</c>, <c>sentences</c>, <c>adding</c> or <c>adding:LENGTH</c> (default 100),
/// <c>copy</c> or <c>copy:DELAY</c> (default 20).
/// </summary>
/// <param name="Name">music, mnist, sentences, adding or copy.</param>
/// <param name="Variant">The canonical variant (rows, pixels, permuted; a length or delay), empty for music and sentences.</param>
public sealed record TaskChoice(string Name, string Variant)
{
    /// <summary>The task names, for help texts and did-you-mean.</summary>
    public static IReadOnlyList<string> Names { get; } = ["music", "mnist", "sentences", "adding", "copy"];

    /// <summary><c>name</c> or <c>name:variant</c>.</summary>
    public string FullName => Variant.Length == 0 ? Name : $"{Name}:{Variant}";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what was expected.</summary>
    public static TaskChoice? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var variant = colon < 0 ? null : text[(colon + 1)..].Trim().ToLowerInvariant();
        problem = null;
        switch (name)
        {
            case "music" or "sentences" when variant is null:
                return new TaskChoice(name, string.Empty);
            case "music" or "sentences":
                problem = $"--task {name} has no variants (got '{text}')";
                return null;
            case "mnist":
                if (variant is null or "rows" or "pixels" or "permuted")
                {
                    return new TaskChoice(name, variant ?? "rows");
                }

                problem = $"--task mnist takes rows, pixels or permuted: mnist:rows (default), mnist:pixels, mnist:permuted (got '{text}')";
                return null;
            case "adding" or "copy":
                var minimum = name == "adding" ? 2 : 1;
                var fallback = name == "adding" ? AddingTask.DefaultLength : CopyTask.DefaultDelay;
                if (variant is null)
                {
                    return new TaskChoice(name, fallback.ToString(CultureInfo.InvariantCulture));
                }

                if (int.TryParse(variant, NumberStyles.None, CultureInfo.InvariantCulture, out var steps) && steps >= minimum && steps <= 100_000)
                {
                    return new TaskChoice(name, steps.ToString(CultureInfo.InvariantCulture));
                }

                var what = name == "adding" ? "sequence length" : "delay";
                problem = $"--task {name}:N takes a {what} N from {minimum} to 100000 (got '{text}')";
                return null;
            default:
                problem = $"unknown task '{text}'; the tasks are {string.Join(", ", Names)} (variants: mnist:pixels, mnist:permuted, adding:LENGTH, copy:DELAY)";
                return null;
        }
    }
}
