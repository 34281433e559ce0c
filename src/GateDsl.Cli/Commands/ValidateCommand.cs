using System.CommandLine;
using GateDsl.Validation;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec validate [--quick]</c>: the statistical suite of every sampler against its reference
/// (the logic is <see cref="ValidateCommandRunner"/>, src/GateDsl.Validation); with
/// <c>--cell NAME FILE</c>, a compiled cell's gates against the laws the compiler inferred
/// (<see cref="ValidateCellCommand"/>).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "The quick suite (CI sample sizes) instead of the full one." };
        var cell = new Option<string?>("--cell") { Description = "Validate this cell of FILE: its gates, drawn at fixed heads from the compiled cell, against their inferred laws." };
        var file = new Argument<string?>("file") { Description = "With --cell: the .gate file that declares the cell.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "validate",
            "Validate every sampler against its MathNet reference (law, mean, log density, gradients, correlation, KL) " +
            "with a total false-failure probability of 1e-6; with --cell NAME FILE, the cell's compiled gates against the laws the compiler inferred. " +
            "Exit 0 when every check passes, 1 otherwise, 2 on usage errors.")
        {
            quick,
            cell,
            file,
        };
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => result.GetValue(cell) is { } name
            ? ValidateCellCommand.Run(context, name, result.GetValue(file), result.GetValue(quick))
            : result.GetValue(file) is { } stray
                ? context.UsageError($"a file ('{stray}') is only taken with --cell: gatec validate --cell NAME FILE")
                : ValidateCommandRunner.Run(result.GetValue(quick), context.Out, context.Error, interactive: context.UseColor));
        return command;
    }
}
