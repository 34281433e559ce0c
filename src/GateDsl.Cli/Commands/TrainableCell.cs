using GateDsl.Cli.Rendering;
using GateDsl.Training.Cores;

namespace GateDsl.Cli.Commands;

/// <summary>Resolves FILE and --cell for the training commands, reporting what stops them as the other commands do.</summary>
internal static class TrainableCell
{
    /// <summary>
    /// The resolved cell, or null after reporting: a missing file or unknown cell (exit 2, with the
    /// closest name), a spec with errors (its diagnostics, exit 1).
    /// </summary>
    public static ResolvedCell? Resolve(CliContext context, string file, string cellName, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        if (InputFiles.RequireExisting(context, [file]) is { } usage)
        {
            exitCode = usage;
            return null;
        }

        var resolved = CellResolver.Resolve(file, cellName);
        switch (resolved.Problem)
        {
            case CellProblem.SpecErrors:
                DiagnosticRenderer.Write(context, resolved.Compilation.Diagnostics);
                context.Out.WriteLine(DiagnosticRenderer.Summary(resolved.Compilation.Diagnostics, 1));
                exitCode = ExitCodes.Failure;
                return null;
            case CellProblem.UnknownCell:
                exitCode = UnknownCell.Report(context, file, cellName, resolved.Compilation.Cells.Select(c => c.Name).ToList());
                return null;
            default:
                return resolved;
        }
    }
}
