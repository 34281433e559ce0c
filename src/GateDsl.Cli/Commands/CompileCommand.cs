using System.CommandLine;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec compile &lt;file&gt; --cell NAME -o Cell.cs [--namespace N]</c>: writes the cell as a standalone
/// TorchSharp module class in C# (<see cref="CSharpEmitter"/>) that needs only TorchSharp and
/// GateDsl.Distributions at run time.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .gate file that declares the cell." };
        var cell = new Option<string>("--cell") { Description = "The cell to compile.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The C# file to write (its folder must exist).", Required = true };
        var ns = new Option<string>("--namespace")
        {
            Description = $"The namespace of the class (default {CSharpEmitOptions.DefaultNamespace}).",
            DefaultValueFactory = _ => CSharpEmitOptions.DefaultNamespace,
        };
        var command = new Command(
            "compile",
            "Write a cell as a standalone TorchSharp module class in C# (needs only TorchSharp and GateDsl.Distributions at run time). " +
            "Exit 0 on success, 1 when the file has errors (nothing is written), 2 on usage errors (unknown cell, bad namespace or output path, missing file).")
        {
            file,
            cell,
            output,
            ns,
        };
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => Run(
            context,
            result.GetValue(file) ?? string.Empty,
            result.GetValue(cell) ?? string.Empty,
            result.GetValue(output) ?? string.Empty,
            result.GetValue(ns) ?? CSharpEmitOptions.DefaultNamespace));
        return command;
    }

    public static int Run(CliContext context, string file, string cellName, string output, string ns)
    {
        if (InputFiles.RequireExisting(context, new[] { file }) is { } usage)
        {
            return usage;
        }

        if (CSharpNames.NamespaceProblem(ns) is { } badNamespace)
        {
            return context.UsageError("--namespace: " + badNamespace);
        }

        if (OutputFile.Problem("-o", output, "Cell.cs") is { } badOutput)
        {
            return context.UsageError(badOutput);
        }

        var spec = GateCompiler.Compile(file);
        if (spec.HasErrors)
        {
            DiagnosticRenderer.Write(context, spec.Diagnostics);
            context.Out.WriteLine(DiagnosticRenderer.Summary(spec.Diagnostics, 1));
            return ExitCodes.Failure;
        }

        if (!spec.CellNames.Contains(cellName))
        {
            return UnknownCell.Report(context, file, cellName, spec.Compilation.Cells.Select(c => c.Name).ToList());
        }

        var text = CSharpEmitter.Emit(spec, cellName, new CSharpEmitOptions { Namespace = ns });
        try
        {
            File.WriteAllText(output, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"gatec: cannot write {output}: {ex.Message}");
            return ExitCodes.Failure;
        }

        DiagnosticRenderer.Write(context, spec.Diagnostics);
        context.Out.WriteLine($"wrote {output}: class {ns}.{CSharpEmitter.ClassName(cellName)} for cell {cellName} of {file}");
        return ExitCodes.Success;
    }
}
