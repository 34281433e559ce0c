using GateDsl.Training.Data;
using GateDsl.Training.Runs;

namespace GateDsl.Cli.Commands;

/// <summary>The training commands' user-facing errors, mapped to one line on standard error and the CLI's exit codes.</summary>
internal static class TrainingErrors
{
    /// <summary>Runs <paramref name="work"/>; a setup problem is a usage error (2), bad or missing data or a bad checkpoint a failure (1).</summary>
    public static int Guard(CliContext context, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (TrainingSetupException e)
        {
            return context.UsageError(e.Message);
        }
        catch (Exception e) when (e is DataFormatException or DataUnavailableException or CheckpointException)
        {
            context.Error.WriteLine($"gatec: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
