using System.Globalization;

namespace GateDsl.Validation;

/// <summary>
/// A deliberately small parser for one distribution call in GATE syntax, <c>Name(number, ...)</c>,
/// with numbers in the language's forms (<c>2</c>, <c>1.5</c>, <c>-0.3</c>, <c>1e-3</c>). It exists
/// so that <c>gatec sample</c> works before the language front end (src/GateDsl.Language) is merged;
/// it should then be replaced by parsing the expression with that front end (which also brings
/// imports, named constants and spans).
/// </summary>
public static class DistributionCallParser
{
    /// <summary>Parses <paramref name="text"/>; on failure returns false and a message with the column.</summary>
    public static bool TryParse(string text, out DistributionCall? call, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        call = null;
        var s = new Scanner(text);
        s.SkipSpace();
        var name = s.Identifier();
        if (name is null)
        {
            error = s.Error("expected a distribution name, e.g. `Beta(0.5, 0.5)`");
            return false;
        }

        s.SkipSpace();
        if (!s.Take('('))
        {
            error = s.Error($"expected `(` after `{name}`");
            return false;
        }

        var args = new List<double>();
        s.SkipSpace();
        if (!s.Take(')'))
        {
            while (true)
            {
                s.SkipSpace();
                var value = s.Number();
                if (value is null)
                {
                    error = s.Error("expected a number");
                    return false;
                }

                args.Add(value.Value);
                s.SkipSpace();
                if (s.Take(')'))
                {
                    break;
                }

                if (!s.Take(','))
                {
                    error = s.Error("expected `,` or `)`");
                    return false;
                }
            }
        }

        s.SkipSpace();
        if (!s.AtEnd)
        {
            error = s.Error("unexpected text after the call");
            return false;
        }

        call = new DistributionCall(name, args);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the message of <see cref="TryParse"/>.</summary>
    public static DistributionCall Parse(string text)
        => TryParse(text, out var call, out var error) ? call! : throw new FormatException(error);

    private sealed class Scanner(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public bool Take(char c)
        {
            if (!AtEnd && text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        public string? Identifier()
        {
            var start = _pos;
            if (AtEnd || !(char.IsAsciiLetter(text[_pos]) || text[_pos] == '_'))
            {
                return null;
            }

            while (!AtEnd && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        public double? Number()
        {
            var start = _pos;
            if (!AtEnd && (text[_pos] == '-' || text[_pos] == '+'))
            {
                _pos++;
            }

            var digits = 0;
            while (!AtEnd && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
            {
                digits += char.IsAsciiDigit(text[_pos]) ? 1 : 0;
                _pos++;
            }

            if (digits > 0 && !AtEnd && (text[_pos] == 'e' || text[_pos] == 'E'))
            {
                _pos++;
                if (!AtEnd && (text[_pos] == '-' || text[_pos] == '+'))
                {
                    _pos++;
                }

                while (!AtEnd && char.IsAsciiDigit(text[_pos]))
                {
                    _pos++;
                }
            }

            if (digits > 0 && double.TryParse(text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && double.IsFinite(v))
            {
                return v;
            }

            _pos = start;
            return null;
        }

        public string Error(string message)
        {
            var found = AtEnd ? "end of input" : $"`{text[_pos]}`";
            return $"column {_pos + 1}: {message}; found {found}.";
        }
    }
}
