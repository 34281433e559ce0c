using System.CommandLine;
using GateDsl.Validation;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec validate [--quick]</c>: the statistical suite of every sampler against its reference.
/// The logic is <see cref="ValidateCommandRunner"/> (src/GateDsl.Validation).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "The quick suite (CI sample sizes) instead of the full one." };
        var command = new Command(
            "validate",
            "Validate every sampler against its MathNet reference (law, mean, log density, gradients, correlation, KL) " +
            "with a total false-failure probability of 1e-6. Exit 0 when every check passes, 1 otherwise.")
        {
            quick,
        };
        command.SetAction(result => ValidateCommandRunner.Run(result.GetValue(quick), context.Out, context.Error, interactive: context.UseColor));
        return command;
    }
}
