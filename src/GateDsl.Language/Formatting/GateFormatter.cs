using System.Diagnostics.CodeAnalysis;
using System.Text;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Formatting;

/// <summary>
/// Formats a parsed file in the one canonical GATE layout, keeping every comment.
/// </summary>
/// <remarks>
/// <para>The layout (stdlib/*.gate are fixed points of it):</para>
/// <list type="bullet">
/// <item>two-space indentation, one statement per line, LF line endings, a final newline (an
/// empty file stays empty); empty statements (<c>;</c>) are dropped;</item>
/// <item>spacing <c>a + b</c>, <c>-x</c>, <c>f(x, y)</c>, <c>g[1..5]</c>, <c>name: Support</c>,
/// <c>prior g[1..5] ~ Gamma(0.5, 1) weight 1e-3</c>, <c>value (x, y)</c>; <c>cell X {</c> (no
/// empty parentheses), <c>distribution D(a: Positive) {</c>, <c>cell X {}</c> for an empty body;</item>
/// <item>one blank line between top-level items, except that consecutive imports and consecutive
/// consts stay grouped: between two of them a blank line appears only where the source had one,
/// so a user can still split groups; inside a body, likewise, a blank line the user left between
/// statements (or comments) stays and several collapse to one; never a blank line after
/// <c>{</c>, before <c>}</c> or at the start of the file;</item>
/// <item>the user's parentheses and number texts are kept as written (<c>1e-3</c>, <c>.5</c>);
/// indices lose leading zeros (<c>g[01]</c> is <c>g[1]</c>); no line is ever wrapped;</item>
/// <item>comments: one on the line of an item or statement stays at the end of that line; one
/// before it stays before it, on its own line; one between the tokens of a statement or a
/// declaration header moves to its own line just before it; one before a <c>}</c> stays in the
/// body; the file's last comments stay last. Comment text is kept except that line breaks become
/// LF and a line comment loses trailing whitespace.</item>
/// </list>
/// <para>A tree with syntax errors is refused (<see cref="Format"/> throws, <see cref="TryFormat"/>
/// returns false), so `gatec fmt` can never destroy a file it could not read.</para>
/// </remarks>
public static class GateFormatter
{
    /// <summary>The canonical text of a file without syntax errors.</summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string Format(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.HasErrors)
        {
            var first = tree.Diagnostics.First(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
            throw new InvalidOperationException(
                $"{tree.Source.Path} has syntax errors and is left unformatted; first: {first}");
        }

        return new LayoutWriter(tree.Source, tree.Comments).Write(tree.Root);
    }

    /// <summary>Formats a file, or returns false (and null) when it has syntax errors.</summary>
    public static bool TryFormat(SyntaxTree tree, [NotNullWhen(true)] out string? formatted)
    {
        ArgumentNullException.ThrowIfNull(tree);
        formatted = tree.HasErrors ? null : Format(tree);
        return formatted is not null;
    }

    /// <summary>
    /// One expression in canonical spacing, on one line, with the parentheses and number texts of
    /// the tree (for describing gate definitions). Comments are not part of an expression node.
    /// </summary>
    /// <exception cref="InvalidOperationException">The expression contains an <see cref="ErrorExpr"/>.</exception>
    public static string FormatExpression(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        SyntaxPrinter.AppendExpr(builder, expression);
        return builder.ToString();
    }
}
