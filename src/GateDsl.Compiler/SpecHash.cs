using System.Security.Cryptography;
using System.Text;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler;

/// <summary>
/// The identity of a spec for checkpoints: SHA-256 over the canonical (formatted) text of every file
/// of the compilation, the given ones first, then imports, so layout, comments' spacing and the
/// file's location do not change it, and any change to what the spec says does.
/// </summary>
public static class SpecHash
{
    /// <summary>Lower-case hex SHA-256 of the formatted texts, each followed by a NUL separator.</summary>
    public static string Of(IEnumerable<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        using var sha = SHA256.Create();
        var text = new StringBuilder();
        foreach (var tree in trees)
        {
            text.Append(GateFormatter.TryFormat(tree, out var formatted) ? formatted : tree.Source.Text).Append('\0');
        }

        return Convert.ToHexStringLower(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
