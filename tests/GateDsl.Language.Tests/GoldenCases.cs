using GateDsl.Compiler;
using System.Text;
using GateDsl.Language.Diagnostics;

namespace GateDsl.Language.Tests;

/// <summary>
/// Finds and runs the golden diagnostics cases under <c>Golden/&lt;topic&gt;/&lt;case&gt;.gate</c> in the
/// source tree (found by walking up from the test binaries to GateDsl.sln), so that rewriting the
/// expected files changes the sources, not a copy in bin/. Files and folders whose name starts with
/// <c>_</c> are helpers (imported files) and are not cases.
/// </summary>
internal static class GoldenCases
{
    /// <summary>Set to 1 to rewrite the expected files from the actual output.</summary>
    public const string UpdateVariable = "GATEDSL_UPDATE_GOLDEN";

    /// <summary>Stands for the case's own folder in messages that print a path, so expected files are machine-independent.</summary>
    public const string DirectoryPlaceholder = "<dir>";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The Golden folder in the source tree.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Whether the rewrite switch is on.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Every case as "topic/case" (forward slashes, no extension), sorted.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(Root, "*.gate", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('_')))
            .Select(f => f[..^".gate".Length])
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>The .gate file of a case.</summary>
    public static string SpecPath(string name) => Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar) + ".gate");

    /// <summary>The .expected file of a case.</summary>
    public static string ExpectedPath(string name) => Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar) + ".expected");

    /// <summary>
    /// Compiles a case and renders its diagnostics one per line as
    /// <c>file.gate(line,col): error GATEnnnn: message</c>, with the bare file name and the case's folder
    /// replaced by <see cref="DirectoryPlaceholder"/>.
    /// </summary>
    public static string Run(string name)
    {
        var spec = SpecPath(name);
        var directory = Path.GetDirectoryName(spec)!;
        var compilation = Compilation.FromFiles(new[] { spec });
        var builder = new StringBuilder();
        foreach (var diagnostic in compilation.Diagnostics)
        {
            builder.Append(Render(diagnostic, directory)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>An expected file's text with line endings normalised.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Render(Diagnostic diagnostic, string directory)
    {
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var message = diagnostic.Message
            .Replace(directory + Path.DirectorySeparatorChar, DirectoryPlaceholder + "/", StringComparison.Ordinal)
            .Replace(directory, DirectoryPlaceholder, StringComparison.Ordinal)
            .Replace('\\', '/');
        var file = Path.GetFileName(diagnostic.Source.Path);
        return $"{file}({diagnostic.Start.Line},{diagnostic.Start.Column}): {severity} {diagnostic.Code}: {message}";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GateDsl.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "GateDsl.Language.Tests", "Golden");
            }
        }

        throw new InvalidOperationException($"no GateDsl.sln above {AppContext.BaseDirectory}");
    }
}
