using System.CommandLine;
using System.Globalization;
using GateDsl.Cli.Json;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Description;
using GateDsl.Compiler.Ir;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec describe &lt;file&gt; [--cell NAME] [--input-size N] [--hidden-size N] [--ir] [--json]</c>: per
/// cell its gates, draws, heads (K), priors, evaluation rule, hyperparameters and learnable parameter
/// count, and what the compiler inferred: each gate's law, the joint law of (i, f), how evaluation
/// computes each gate, how each prior's KL is computed. With <c>--ir</c>, the gate IR instead.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .gate file whose cells to describe." };
        var cell = new Option<string?>("--cell") { Description = "Describe only this cell." };
        var inputSize = WholeNumberOptions.Optional("--input-size", "I, the input size, for the parameter count (give it with --hidden-size); a whole number >= 1.", 1);
        var hiddenSize = WholeNumberOptions.Optional("--hidden-size", "H, the hidden size, for the parameter count (give it with --input-size); a whole number >= 1.", 1);
        var ir = new Option<bool>("--ir")
        {
            Description = "Print the gate IR of each cell (training and evaluation programs, slots, KL terms, laws) instead of the summary.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"file\",\"inputSize\",\"hiddenSize\",\"cells\":[...],\"diagnostics\":[...]} (with --ir: {\"file\",\"cells\",\"diagnostics\"}; see README).",
        };
        var command = new Command(
            "describe",
            "Describe the cells of a spec, with the laws the compiler inferred for the gates. Without sizes the parameter count is shown as the formula K*H*(I+H) + K*H. " +
            "Exit 0 on success, 1 when the file has errors, 2 on usage errors (unknown cell, bad sizes, sizes with --ir, missing file).")
        {
            file,
            cell,
            inputSize,
            hiddenSize,
            ir,
            json,
        };
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => Run(
            context,
            result.GetValue(file) ?? string.Empty,
            result.GetValue(cell),
            result.GetValue(inputSize),
            result.GetValue(hiddenSize),
            result.GetValue(ir),
            result.GetValue(json)));
        return command;
    }

    public static int Run(CliContext context, string file, string? cellName, int? inputSize, int? hiddenSize, bool ir, bool json)
    {
        if (InputFiles.RequireExisting(context, new[] { file }) is { } usage)
        {
            return usage;
        }

        if (ir && (inputSize.HasValue || hiddenSize.HasValue))
        {
            return context.UsageError("--ir prints the gate IR, which does not depend on the sizes: leave out --input-size and --hidden-size, or --ir");
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
                context.Out.WriteLine(ir
                    ? GatecJsonContext.Serialize(new IrReport(file, Array.Empty<IrCellDto>(), diagnostics))
                    : GatecJsonContext.Serialize(new DescribeReport(file, inputSize, hiddenSize, Array.Empty<CellDto>(), diagnostics)));
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
                return UnknownCell.Report(context, file, cellName, cells.Select(c => c.Name).ToList());
            }

            cells = match;
        }

        if (ir)
        {
            return WriteIr(context, file, cells, compilation, diagnostics, json);
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

    private static int WriteIr(CliContext context, string file, IReadOnlyList<CellSummary> cells, Compilation compilation, List<DiagnosticDto> diagnostics, bool json)
    {
        // A compilation without errors lowered every cell.
        var lowered = cells.Select(c => c.Ir ?? throw new InvalidOperationException($"internal error: cell {c.Name} has no IR in a compilation without errors.")).ToList();
        if (json)
        {
            context.Out.WriteLine(GatecJsonContext.Serialize(new IrReport(file, lowered.Select(IrJson.From).ToList(), diagnostics)));
            return ExitCodes.Success;
        }

        DiagnosticRenderer.Write(context, compilation.Diagnostics);
        if (lowered.Count == 0)
        {
            context.Out.WriteLine($"{file} defines no cells.");
        }

        for (var k = 0; k < lowered.Count; k++)
        {
            if (k > 0)
            {
                context.Out.WriteLine();
            }

            context.Out.Write(IrPrinter.Print(lowered[k]));
        }

        return ExitCodes.Success;
    }

    private static bool FitsInLong(CellSummary cell, int inputSize, int hiddenSize)
    {
        try
        {
            _ = new CellLayout(cell.HeadCount, inputSize, hiddenSize).ParameterCount;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    internal static CellDto ToDto(CellSummary cell, int? inputSize, int? hiddenSize) =>
        new(
            cell.Name,
            cell.Path,
            cell.Line,
            cell.HeadCount,
            cell.Gates.Select(g => new GateDto(
                g.Name,
                g.IsStochastic,
                g.Definition,
                g.Support,
                g.Law is { } law ? LawDto.From(law) : null,
                g.Evaluation is { } e ? JsonTokens.Of(e) : null)).ToList(),
            cell.Draws.Select(d => new DrawDto(d.Name, d.Distribution, d.Count, d.Support)).ToList(),
            cell.Priors.Select(p => new PriorDto(
                p.Target,
                p.Distribution,
                p.Weight,
                p.Method is { } m ? JsonTokens.Of(m) : null,
                p.Terms.Select(t => new KlTermDto(t.Target, LawDto.From(t.Posterior), LawDto.From(t.Prior), JsonTokens.Of(t.Method))).ToList())).ToList(),
            cell.EvaluationRule,
            cell.EvaluationRuleIsDefault,
            cell.Parameters.Select(p => new HyperParameterDto(p.Name, p.Support, p.Value)).ToList(),
            CellLayout.Formula(cell.HeadCount),
            inputSize is { } i && hiddenSize is { } h ? new CellLayout(cell.HeadCount, i, h).ParameterCount : null,
            cell.Joint is { } joint ? new JointLawDto(joint.Gates, LawDto.From(joint.Law)) : null);

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
        WriteLaws(console, cell);
        WriteKlTerms(console, cell);
        console.WriteLine();
    }

    /// <summary>Each gate's law as the compiler inferred it, the pair's joint law, and how evaluation computes each gate.</summary>
    private static void WriteLaws(IAnsiConsole console, CellDto cell)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("gate");
        table.AddColumn("law (inferred by the compiler)");
        table.AddColumn("evaluation step");
        // The pair's row follows the row of whichever of its gates comes last.
        var pairEnd = cell.Joint is { } pair ? cell.Gates.Select(g => g.Name).LastOrDefault(pair.Gates.Contains) : null;
        foreach (var gate in cell.Gates)
        {
            var law = gate switch
            {
                { Stochastic: false } => "deterministic",
                { Law: { } l } => "~ " + l.Text,
                _ => "unknown",
            };
            table.AddRow(Markup.Escape(gate.Name), Markup.Escape(law), Markup.Escape(EvaluationText(gate.Evaluation)));
            if (gate.Name == pairEnd && cell.Joint is { } joint)
            {
                table.AddRow(Markup.Escape("(" + string.Join(", ", joint.Gates) + ")"), Markup.Escape("~ " + joint.Law.Text), "(their joint law)");
            }
        }

        console.Write(table);
    }

    /// <summary>One row per KL term, with its method; Monte Carlo is flagged (it is a noisy estimate, not the divergence).</summary>
    private static void WriteKlTerms(IAnsiConsole console, CellDto cell)
    {
        var terms = cell.Priors.SelectMany(p => p.Terms.Select(t => (Prior: p, Term: t))).ToList();
        if (terms.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("prior");
        table.AddColumn("KL term added at every step");
        table.AddColumn("computed by");
        foreach (var (prior, term) in terms)
        {
            table.AddRow(
                Markup.Escape(term.Target),
                Markup.Escape($"{Number(prior.Weight)} * KL({term.Posterior.Text} || {term.Prior.Text})"),
                Markup.Escape(KlMethodText(term.KlMethod)));
        }

        console.Write(table);
    }

    private static string EvaluationText(string? token) =>
        token is null ? "unknown (the cell was not lowered)" : IrPrinter.EvaluationText(JsonTokens.ParseGateEvaluation(token));

    private static string KlMethodText(string token) => JsonTokens.ParseKlMethod(token) switch
    {
        Distributions.KlMethod.MonteCarlo => "Monte Carlo: no closed form, so each step estimates it from one draw per unit (unbiased, noisy)",
        var method => IrPrinter.MethodText(method),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
