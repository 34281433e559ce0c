namespace GateDsl.Language.Binding;

/// <summary>
/// "Did you mean" suggestions, for the language's names and for gatec's command line (commands,
/// options, cell names): the closest candidate by optimal-string-alignment distance (Levenshtein
/// plus adjacent transpositions) with case ignored, if it is within 2 edits or a third of the name's
/// length, whichever is more, and closer than rewriting the whole name. Among equally close
/// candidates the one that also matches the case best wins, then the first in ordinal order, so a
/// name that differs only in case (<c>bbetalstm5g</c>) finds its spelling (<c>BBetaLSTM5G</c>).
/// </summary>
public static class DidYouMean
{
    /// <summary>The best suggestion, or null.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        // Long names are not typos of short ones, and the distance table is quadratic.
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return null;
        }

        var limit = Math.Max(2, name.Length / 3);
        var folded = name.ToUpperInvariant();
        string? best = null;
        var bestDistance = (int.MaxValue, int.MaxValue);
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal))
        {
            if (candidate.Length == 0 || candidate == name || Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var d = Distance(folded, candidate.ToUpperInvariant());
            if (d > limit || d >= Math.Max(name.Length, candidate.Length))
            {
                continue;
            }

            var distance = (d, Distance(name, candidate));
            if (distance.CompareTo(bestDistance) < 0)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The suggestion as a message clause (": did you mean 'x'?"), or empty.</summary>
    public static string Clause(string name, IEnumerable<string> candidates) =>
        Suggest(name, candidates) is { } s ? $": did you mean '{s}'?" : string.Empty;

    /// <summary>Optimal string alignment distance (case-sensitive; a case change costs one edit).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
