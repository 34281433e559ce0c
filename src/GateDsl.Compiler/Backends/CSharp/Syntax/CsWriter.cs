using System.Text;

namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>
/// Writes lines of C# with four-space indentation and <c>\n</c> line ends, so that the emitted file
/// is the same on every machine (golden-testable).
/// </summary>
internal sealed class CsWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
    public CsWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', 4 * _depth).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes each line of <paramref name="lines"/> (split at line breaks) at the current indentation.</summary>
    public CsWriter Lines(string lines)
    {
        foreach (var line in lines.Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Writes <c>{</c>, indents, runs <paramref name="body"/>, outdents and writes <paramref name="close"/>.</summary>
    public CsWriter Block(Action body, string close = "}")
    {
        Line("{");
        _depth++;
        body();
        _depth--;
        return Line(close);
    }

    /// <summary>Writes a statement of a method body.</summary>
    public CsWriter Statement(CsStatement statement) => statement switch
    {
        CsLocal l => Line($"var {l.Name} = {CsPrinter.Print(l.Value)};"),
        CsAssignment a => Line($"{a.Name} = {CsPrinter.Print(a.Value)};"),
        CsReturn r => Line($"return {CsPrinter.Print(r.Value)};"),
        CsComment c => Comment(c.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(statement), statement, "internal error: no C# text for this statement."),
    };

    /// <summary>Writes <c>// text</c>, one comment line per line of the text.</summary>
    public CsWriter Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.Length == 0 ? "//" : "// " + line);
        }

        return this;
    }

    /// <summary>Writes an XML documentation comment: <c>/// </c> before each line of <paramref name="xml"/>.</summary>
    public CsWriter Doc(string xml)
    {
        foreach (var line in xml.Split('\n'))
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
