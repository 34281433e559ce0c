using System.Globalization;
using System.Text;

namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>A literal as written in C#: a double, an int or a string.</summary>
/// <param name="Text">The literal's text.</param>
internal sealed record CsLiteral(string Text) : CsExpression
{
    /// <summary>
    /// A double literal that round-trips (<c>0.001</c>, <c>1.0</c>, <c>1E-05</c>): always of type
    /// double, so an operand such as <c>x + 1.0</c> goes through TorchSharp's double overload as the
    /// compiled module's <c>x.add(1.0)</c> does.
    /// </summary>
    public static CsLiteral Number(double value)
    {
        if (double.IsNaN(value))
        {
            return new CsLiteral("double.NaN");
        }

        if (double.IsInfinity(value))
        {
            return new CsLiteral(value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return new CsLiteral(text);
    }

    /// <summary>An int literal.</summary>
    public static CsLiteral Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A regular string literal with quotes, backslashes and control characters escaped.</summary>
    public static CsLiteral String(string value)
    {
        var b = new StringBuilder("\"");
        foreach (var ch in value)
        {
            b.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }

        return new CsLiteral(b.Append('"').ToString());
    }

    /// <summary>Whether the literal starts with a minus sign (it then binds like a unary minus).</summary>
    public bool IsNegative => Text.StartsWith('-');
}
