using System.CommandLine;
using GateDsl.Cli.Json;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Language;

namespace GateDsl.Cli.Commands;

/// <summary><c>gatec check [--json] &lt;files...&gt;</c>: checks specs and their imports.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The .gate files to check (their imports are checked too).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print only {\"diagnostics\":[{code,severity,file,line,column,endLine,endColumn,message}]} (1-based positions).",
        };
        var command = new Command("check", "Check .gate specs. Exit 0 when there are no errors, 1 when there are, 2 on usage errors.")
        {
            files,
            json,
        };
        InputFiles.RejectUnknownOptions(files);
        command.SetAction(result => Run(context, result.GetValue(files) ?? Array.Empty<string>(), result.GetValue(json)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> files, bool json)
    {
        if (InputFiles.RequireExisting(context, files) is { } usage)
        {
            return usage;
        }

        // The same file named twice is checked (and counted) once.
        files = files.Distinct(StringComparer.Ordinal).ToList();
        var compilation = Compilation.FromFiles(files);
        if (json)
        {
            var report = new CheckReport(compilation.Diagnostics.Select(DiagnosticDto.From).ToList());
            context.Out.WriteLine(GatecJsonContext.Serialize(report));
        }
        else
        {
            DiagnosticRenderer.Write(context, compilation.Diagnostics);
            context.Out.WriteLine(DiagnosticRenderer.Summary(compilation.Diagnostics.ToList(), files.Count));
        }

        return compilation.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
    }
}
