using System.CommandLine;
using System.Text;
using GateDsl.Cli.Rendering;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec fmt [--check] &lt;files...&gt;</c>: rewrites files in the canonical layout, touching only
/// files that change, and keeping each file's line endings (<see cref="LineEndings"/>: a CRLF file
/// stays CRLF). A file with syntax errors is never touched; its diagnostics are printed.
/// </summary>
internal static class FormatCommand
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The .gate files to format in place.",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; list the files that would change and exit 1 if there are any.",
        };
        var command = new Command("fmt", "Format .gate files in place. Exit 0 on success, 1 when a file has syntax errors (or would change, with --check), 2 on usage errors.")
        {
            files,
            check,
        };
        InputFiles.RejectUnknownOptions(files);
        command.SetAction(result => Run(context, result.GetValue(files) ?? Array.Empty<string>(), result.GetValue(check)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> files, bool checkOnly)
    {
        if (InputFiles.RequireExisting(context, files) is { } usage)
        {
            return usage;
        }

        var changed = new List<string>();
        var broken = 0;
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            var tree = SyntaxTree.Parse(SourceText.FromFile(file));
            if (tree.HasErrors)
            {
                // The formatter refuses trees with syntax errors: report them and leave the file alone.
                DiagnosticRenderer.Write(context, tree.Diagnostics);
                context.Out.WriteLine($"not formatted (syntax errors): {file}");
                broken++;
                continue;
            }

            var formatted = LineEndings.Apply(GateFormatter.Format(tree), LineEndings.Of(tree.Source.Text));
            if (string.Equals(formatted, tree.Source.Text, StringComparison.Ordinal))
            {
                continue;
            }

            changed.Add(file);
            if (checkOnly)
            {
                context.Out.WriteLine($"would reformat: {file}");
            }
            else if (TryWrite(context, file, formatted))
            {
                context.Out.WriteLine($"reformatted: {file}");
            }
            else
            {
                broken++;
            }
        }

        var verb = checkOnly ? "would be reformatted" : "reformatted";
        var summary = $"{DiagnosticRenderer.Plural(changed.Count, "file")} {verb}";
        if (broken > 0)
        {
            summary += $", {DiagnosticRenderer.Plural(broken, "file")} left unchanged (syntax errors or not writable)";
        }

        context.Out.WriteLine(summary);
        return broken > 0 || (checkOnly && changed.Count > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static bool TryWrite(CliContext context, string file, string text)
    {
        try
        {
            File.WriteAllText(file, text, Utf8NoBom);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"gatec: cannot write {file}: {ex.Message}");
            return false;
        }
    }
}
