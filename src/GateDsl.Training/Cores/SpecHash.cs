using System.Security.Cryptography;
using System.Text;
using GateDsl.Language;
using GateDsl.Language.Formatting;

namespace GateDsl.Training.Cores;

/// <summary>
/// The hash that ties a run to its spec: SHA-256 over the canonical (formatted) text of the given file
/// and then of each file it imports, in the compilation's order, so reformatting a file or moving it
/// does not change the hash and any change of meaning does. Written as <c>sha256:</c> + 64 hex digits.
/// </summary>
public static class SpecHash
{
    /// <summary>The hash of a compilation without syntax errors (files with syntax errors count by their raw text).</summary>
    public static string Of(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = GateFormatter.TryFormat(tree, out var formatted) ? formatted : tree.Source.Text;
            sha.AppendData(Encoding.UTF8.GetBytes(text));
            sha.AppendData([0]); // file separator
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
