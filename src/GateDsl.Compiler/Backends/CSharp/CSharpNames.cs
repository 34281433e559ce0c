using System.Text;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// C# names for what the emitter writes: spec names made into identifiers (<c>g[1]</c> -> <c>g1</c>,
/// <c>shape(g[1])</c> -> <c>shape_g1</c>, <c>(i, f).u</c> -> <c>i_f_u</c>), and the checks of a
/// namespace given on the command line.
/// </summary>
public static class CSharpNames
{
    /// <summary>The reserved keywords of C# (contextual keywords are valid names and are not listed).</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether <paramref name="name"/> is a C# keyword, which cannot name a type or a local.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>
    /// Whether <paramref name="name"/> is an identifier of ASCII letters, digits and underscores that
    /// does not start with a digit and is not a keyword (the names gatec writes; GATE's identifiers
    /// have the same shape).
    /// </summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0
        && !char.IsAsciiDigit(name[0])
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
        && !IsKeyword(name);

    /// <summary>
    /// Why <paramref name="ns"/> cannot be the namespace of the emitted class, or null when it can: dotted
    /// identifiers such as <c>MyApp.Cells</c>.
    /// </summary>
    public static string? NamespaceProblem(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        if (ns.Length == 0)
        {
            return "the namespace is empty; give dotted C# names such as MyApp.Cells";
        }

        var bad = ns.Split('.').FirstOrDefault(part => !IsIdentifier(part));
        return bad switch
        {
            null => null,
            "" => $"'{ns}' is not a C# namespace: it has an empty part; give dotted C# names such as MyApp.Cells",
            _ when IsKeyword(bad) => $"'{ns}' is not a C# namespace: '{bad}' is a C# keyword",
            _ => $"'{ns}' is not a C# namespace: '{bad}' is not a C# name (letters, digits and _, not starting with a digit)",
        };
    }

    /// <summary>
    /// A spec name as an identifier: brackets dropped (<c>g[1]</c> -> <c>g1</c>), every other run of
    /// characters that cannot be in a name becomes one <c>_</c>, and <c>_</c> is put before a leading digit.
    /// The result may still be a keyword or taken: <see cref="LocalNames"/> settles that.
    /// </summary>
    public static string Sanitize(string name)
    {
        var b = new StringBuilder();
        var gap = false;
        foreach (var ch in name)
        {
            if (ch is '[' or ']')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(ch) || ch == '_')
            {
                if (gap && b.Length > 0)
                {
                    b.Append('_');
                }

                b.Append(ch);
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        if (b.Length == 0)
        {
            return "value";
        }

        return char.IsAsciiDigit(b[0]) ? "_" + b : b.ToString();
    }
}
