using System.CommandLine;
using System.Globalization;
using GateDsl.Cli.Json;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Language;
using GateDsl.Language.Model;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec describe &lt;file&gt; [--cell NAME] [--input-size N] [--hidden-size N] [--json]</c>: per cell
/// its gates, draws, heads (K), priors, evaluation rule, hyperparameters and learnable parameter count.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .gate file whose cells to describe." };
        var cell = new Option<string?>("--cell") { Description = "Describe only this cell." };
        var inputSize = WholeNumberOptions.Optional("--input-size", "I, the input size, for the parameter count (give it with --hidden-size); a whole number >= 1.", 1);
        var hiddenSize = WholeNumberOptions.Optional("--hidden-size", "H, the hidden size, for the parameter count (give it with --input-size); a whole number >= 1.", 1);
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"file\",\"inputSize\",\"hiddenSize\",\"cells\":[...],\"diagnostics\":[...]} (see README).",
        };
        var command = new Command(
            "describe",
            "Describe the cells of a spec. Without sizes the parameter count is shown as the formula K*H*(I+H) + K*H. " +
            "Exit 0 on success, 1 when the file has errors, 2 on usage errors (unknown cell, bad sizes, missing file).")
        {
            file,
            cell,
            inputSize,
            hiddenSize,
            json,
        };
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => Run(
            context,
            result.GetValue(file) ?? string.Empty,
            result.GetValue(cell),
            result.GetValue(inputSize),
            result.GetValue(hiddenSize),
            result.GetValue(json)));
        return command;
    }

    public static int Run(CliContext context, string file, string? cellName, int? inputSize, int? hiddenSize, bool json)
    {
        if (InputFiles.RequireExisting(context, new[] { file }) is { } usage)
        {
            return usage;
        }

        if (inputSize.HasValue != hiddenSize.HasValue)
        {
            return context.UsageError("give both --input-size and --hidden-size, or neither");
        }

        if (inputSize is < 1 || hiddenSize is < 1)
        {
            return context.UsageError("--input-size and --hidden-size must be at least 1");
        }

        var compilation = Compilation.FromFiles(new[] { file });
        var diagnostics = compilation.Diagnostics.Select(DiagnosticDto.From).ToList();
        if (compilation.HasErrors)
        {
            if (json)
            {
                context.Out.WriteLine(GatecJsonContext.Serialize(new DescribeReport(file, inputSize, hiddenSize, Array.Empty<CellDto>(), diagnostics)));
            }
            else
            {
                DiagnosticRenderer.Write(context, compilation.Diagnostics);
                context.Out.WriteLine(DiagnosticRenderer.Summary(compilation.Diagnostics, 1));
            }

            return ExitCodes.Failure;
        }

        var cells = compilation.Cells;
        if (cellName is not null)
        {
            var match = cells.Where(c => c.Name == cellName).ToList();
            if (match.Count == 0)
            {
                return UnknownCell(context, file, cellName, cells);
            }

            cells = match;
        }

        if (inputSize is { } i && hiddenSize is { } h && cells.FirstOrDefault(c => !FitsInLong(c, i, h)) is { } tooLarge)
        {
            return context.UsageError(
                $"--input-size {i} and --hidden-size {h} give cell {tooLarge.Name} (K = {tooLarge.HeadCount}) " +
                $"more than {long.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} parameters; give smaller sizes");
        }

        var described = cells.Select(c => ToDto(c, inputSize, hiddenSize)).ToList();
        if (json)
        {
            context.Out.WriteLine(GatecJsonContext.Serialize(new DescribeReport(file, inputSize, hiddenSize, described, diagnostics)));
            return ExitCodes.Success;
        }

        DiagnosticRenderer.Write(context, compilation.Diagnostics);
        if (described.Count == 0)
        {
            context.Out.WriteLine($"{file} defines no cells.");
        }

        foreach (var cell in described)
        {
            WriteCell(context.Console, cell, inputSize, hiddenSize);
        }

        return ExitCodes.Success;
    }

    private static bool FitsInLong(CellSummary cell, int inputSize, int hiddenSize)
    {
        try
        {
            _ = cell.ParameterCount(inputSize, hiddenSize);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static int UnknownCell(CliContext context, string file, string name, IReadOnlyList<CellSummary> cells)
    {
        if (cells.Count == 0)
        {
            return context.UsageError($"no cell '{name}' in {file}: it defines no cells");
        }

        var suggestion = Suggestions.Closest(name, cells.Select(c => c.Name));
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        context.UsageError($"no cell '{name}' in {file}{hint}");
        context.Error.WriteLine($"cells in {file}: {string.Join(", ", cells.Select(c => c.Name))}");
        return ExitCodes.Usage;
    }

    internal static CellDto ToDto(CellSummary cell, int? inputSize, int? hiddenSize) =>
        new(
            cell.Name,
            cell.Path,
            cell.Line,
            cell.HeadCount,
            cell.Gates.Select(g => new GateDto(g.Name, g.IsStochastic, g.Definition, g.Support)).ToList(),
            cell.Draws.Select(d => new DrawDto(d.Name, d.Distribution, d.Count, d.Support)).ToList(),
            cell.Priors.Select(p => new PriorDto(p.Target, p.Distribution, p.Weight)).ToList(),
            cell.EvaluationRule,
            cell.EvaluationRuleIsDefault,
            cell.Parameters.Select(p => new HyperParameterDto(p.Name, p.Support, p.Value)).ToList(),
            Formula(cell.HeadCount),
            inputSize is { } i && hiddenSize is { } h ? cell.ParameterCount(i, h) : null);

    /// <summary>The parameter count with K filled in: <c>7*H*(I+H) + 7*H</c>.</summary>
    internal static string Formula(int heads) => $"{heads}*H*(I+H) + {heads}*H";

    internal static void WriteCell(IAnsiConsole console, CellDto cell, int? inputSize, int? hiddenSize)
    {
        console.MarkupLine($"[bold]cell {Markup.Escape(cell.Name)}[/]  ({Markup.Escape(cell.File)}, line {cell.Line})");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("part");
        table.AddColumn("name");
        table.AddColumn("definition");
        table.AddColumn("support");
        foreach (var gate in cell.Gates)
        {
            table.AddRow(
                gate.Stochastic ? "stochastic gate" : "gate",
                Markup.Escape(gate.Name),
                Markup.Escape(gate.Definition),
                Markup.Escape(gate.Support));
        }

        foreach (var draw in cell.Draws)
        {
            var members = draw.Count == 1 ? string.Empty : $" (x{draw.Count})";
            table.AddRow("draw", Markup.Escape(draw.Name + members), Markup.Escape(draw.Distribution), Markup.Escape(draw.Support));
        }

        foreach (var prior in cell.Priors)
        {
            table.AddRow("prior", Markup.Escape(prior.Target), Markup.Escape($"{prior.Distribution} weight {Number(prior.Weight)}"), string.Empty);
        }

        foreach (var parameter in cell.HyperParameters)
        {
            table.AddRow("hyperparameter", Markup.Escape(parameter.Name), Number(parameter.Value), Markup.Escape(parameter.Support));
        }

        var evaluation = cell.Evaluation + (cell.EvaluationIsDefault ? " (default)" : string.Empty);
        table.AddRow("evaluation", Markup.Escape(evaluation), string.Empty, string.Empty);
        table.AddRow("heads", $"K = {cell.Heads}", string.Empty, string.Empty);
        var count = cell.ParameterCount is { } n
            ? $"{n.ToString(CultureInfo.InvariantCulture)} (I = {inputSize}, H = {hiddenSize})"
            : "give --input-size and --hidden-size for a number";
        table.AddRow("parameters", Markup.Escape(count), Markup.Escape(cell.ParameterFormula), string.Empty);
        console.Write(table);
        console.WriteLine();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
