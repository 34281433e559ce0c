using System.Globalization;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Validation;
using GateDsl.Validation.Cells;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec validate --cell NAME FILE [--quick]</c>: compiles FILE, draws the cell's stochastic gates
/// at fixed head values from its compiled training step and holds them against the laws the compiler
/// inferred (<see cref="CellLawValidation"/> in src/GateDsl.Validation does the work; this presents
/// it). Exit 0 every check passed; 1 the file has errors or a check failed; 2 usage errors (no file,
/// unknown cell, or a cell with no stochastic gate of known law: nothing to check).
/// </summary>
internal static class ValidateCellCommand
{
    public static int Run(CliContext context, string cellName, string? file, bool quick, double falseFailureBudget = ValidationSuite.TotalFalseFailureBudget)
    {
        if (file is null)
        {
            return context.UsageError("--cell needs the .gate file that declares the cell: gatec validate --cell NAME FILE");
        }

        if (InputFiles.RequireExisting(context, [file]) is { } usage)
        {
            return usage;
        }

        var compilation = Compilation.FromFiles([file]);
        if (compilation.HasErrors)
        {
            DiagnosticRenderer.Write(context, compilation.Diagnostics);
            context.Out.WriteLine(DiagnosticRenderer.Summary(compilation.Diagnostics, 1));
            return ExitCodes.Failure;
        }

        var ir = compilation.IrCells.FirstOrDefault(c => c.Name == cellName);
        if (ir is null)
        {
            return UnknownCell.Report(context, file, cellName, compilation.Cells.Select(c => c.Name).ToList());
        }

        DiagnosticRenderer.Write(context, compilation.Diagnostics);
        var size = quick ? SuiteSize.Quick : SuiteSize.Full;
        var count = 0;
        var report = CellLawValidation.Run(ir, size, falseFailureBudget, progress: r =>
            context.Out.WriteLine($"[{++count}] {(r.Passed ? "pass" : "FAIL")} {r.Setting}: {r.Subject} ~ {r.Law}: {r.Property}"));
        if (!report.HasChecks)
        {
            var why = report.Unchecked.Count == 0
                ? "all its gates are deterministic"
                : string.Join("; ", report.Unchecked.Select(u => $"{u.Gate}: {u.Reason}"));
            return context.UsageError($"cell {cellName} has no stochastic gate whose law the compiler inferred, so there is nothing to check ({why})");
        }

        Write(context.Console, report, file);
        foreach (var failed in report.Results.Where(r => !r.Passed))
        {
            context.Error.WriteLine($"failed: {failed}");
        }

        return report.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The report as <c>gatec validate</c> shows its suite: the settings, one row per check, what was not checked, a summary.</summary>
    internal static void Write(IAnsiConsole console, CellLawReport report, string file)
    {
        var statistical = report.Results.Count(r => r.IsStatistical);
        console.WriteLine($"Cell {report.Cell} ({file}) against the laws the compiler inferred: {report.SampleSize} draws per gate and head setting from the compiled training step (float64).");
        console.WriteLine($"False-failure budget {Probability(report.FalseFailureBudget)} = {statistical} statistical checks x {Probability(report.PerCheckFalseFailureProbability)}.");
        foreach (var setting in report.Settings)
        {
            console.WriteLine($"  heads {setting.Name}: {string.Join(", ", setting.Heads.Select(Short))}");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("setting", "gate", "law", "property", "statistic", "bound", "false-failure prob.", "verdict");
        foreach (var r in report.Results)
        {
            table.AddRow(
                Markup.Escape(r.Setting),
                Markup.Escape(r.Subject),
                Markup.Escape(r.Law),
                Markup.Escape(r.Property),
                Short(r.Outcome.Statistic),
                Short(r.Outcome.Bound),
                r.IsStatistical ? Probability(r.FalseFailureProbability) : "0 (exact)",
                r.Passed ? "pass" : "FAIL");
        }

        console.Write(table);
        foreach (var u in report.Unchecked)
        {
            console.WriteLine($"not checked: gate {u.Gate}: {u.Reason}.");
        }

        var failed = report.Results.Count(r => !r.Passed);
        console.WriteLine(
            $"{report.Results.Count} checks, {failed} failed. A correct compiler fails this run with probability at most " +
            $"{Probability(report.TotalFalseFailureProbability)}.");
    }

    private static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Probability(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
