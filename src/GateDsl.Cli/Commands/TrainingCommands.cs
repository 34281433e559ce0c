using System.CommandLine;

namespace GateDsl.Cli.Commands;

/// <summary>The commands of issue 8 (train, evaluate, compare, data), registered with one call from <see cref="GatecApp"/>.</summary>
internal static class TrainingCommands
{
    public static void Register(RootCommand root, CliContext context)
    {
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(DataCommand.Create(context));
    }
}
