using GateDsl.Compiler.Backends.TorchSharp;
using System.Globalization;
using GateDsl.Training.Cores;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>Fills a request's missing settings from the checkpoint (when resuming) or the task's defaults, and checks them.</summary>
internal static class SettingsResolver
{
    /// <summary>The settings of the run.</summary>
    /// <exception cref="TrainingSetupException">A value is out of range, or differs from the checkpoint's when resuming.</exception>
    public static TrainSettings Resolve(TrainRequest request, TrainingTask task, TrainSettings? saved)
    {
        if (saved is not null)
        {
            Agree("--hidden-size", request.Options.HiddenSize, saved.HiddenSize);
            Agree("--layers", request.Options.Layers, saved.Layers);
            Agree("--dropout", request.Options.Dropout, saved.Dropout);
            Agree("--dropout-kind", request.Options.DropoutKind, saved.DropoutKind);
            Agree("--batch-size", request.Options.BatchSize, saved.BatchSize);
            Agree("--lr", request.Options.LearningRate, saved.LearningRate);
            Agree("--clip", request.Options.Clip, saved.Clip);
            Agree("--kl-weight", request.Options.KlWeight, saved.KlWeight);
            Agree("--seed", request.Seed, saved.Seed);
            var epochs = request.Options.Epochs ?? saved.Epochs;
            Check(epochs >= 1, $"--epochs must be at least 1 (got {epochs})");
            return saved with { Epochs = epochs };
        }

        var defaults = task.Defaults;
        var settings = new TrainSettings(
            task.FullName,
            request.Options.Epochs ?? defaults.Epochs,
            request.Options.HiddenSize ?? defaults.HiddenSize,
            request.Options.Layers ?? defaults.Layers,
            request.Options.Dropout ?? defaults.Dropout,
            request.Options.DropoutKind ?? (task.Name == "music" ? DropoutKind.Locked : DropoutKind.Plain),
            request.Options.BatchSize ?? defaults.BatchSize,
            request.Options.LearningRate ?? TrainSettings.DefaultLearningRate,
            request.Options.Clip ?? TrainSettings.DefaultClip,
            request.Options.KlWeight ?? TrainSettings.DefaultKlWeight,
            request.Seed ?? TrainSettings.DefaultSeed);
        Check(settings.Epochs >= 1, $"--epochs must be at least 1 (got {settings.Epochs})");
        Check(settings.HiddenSize >= 1, $"--hidden-size must be at least 1 (got {settings.HiddenSize})");
        Check(settings.Layers >= 1, $"--layers must be at least 1 (got {settings.Layers})");
        Check(settings.Dropout is >= 0 and < 1, $"--dropout must be in [0, 1) (got {Text(settings.Dropout)})");
        Check(settings.BatchSize >= 1, $"--batch-size must be at least 1 (got {settings.BatchSize})");
        Check(settings.LearningRate > 0 && double.IsFinite(settings.LearningRate), $"--lr must be a positive number (got {Text(settings.LearningRate)})");
        Check(settings.Clip > 0 && double.IsFinite(settings.Clip), $"--clip must be a positive number (got {Text(settings.Clip)})");
        Check(settings.KlWeight >= 0 && double.IsFinite(settings.KlWeight), $"--kl-weight must be a number >= 0 (got {Text(settings.KlWeight)})");
        return settings;
    }

    private static void Agree<T>(string option, T? given, T saved)
        where T : struct
    {
        if (given is { } value && !EqualityComparer<T>.Default.Equals(value, saved))
        {
            throw new TrainingSetupException(
                $"--resume continues the run with its own settings: {option} {Text(value)} differs from the checkpoint's {Text(saved)} (drop {option}, or start a new run with another --out)");
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new TrainingSetupException(problem);
        }
    }

    private static string Text(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DropoutKind k => k.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "nothing",
    };
}
