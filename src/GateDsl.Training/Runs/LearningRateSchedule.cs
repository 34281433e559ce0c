namespace GateDsl.Training.Runs;

/// <summary>
/// PAPER.md's schedule: after epoch 10, when the validation loss exceeds the largest of the three
/// before it, the learning rate is divided by 1.2 (for the epochs that follow).
/// </summary>
internal static class LearningRateSchedule
{
    /// <summary>The divisor.</summary>
    public const double Factor = 1.2;

    /// <summary>Epochs before the schedule may act.</summary>
    public const int Patience = 10;

    /// <summary>Whether to lower the rate after the last of <paramref name="validLosses"/> (one per epoch, epoch 1 first).</summary>
    public static bool ShouldLower(IReadOnlyList<double> validLosses)
    {
        ArgumentNullException.ThrowIfNull(validLosses);
        var epoch = validLosses.Count;
        if (epoch <= Patience || epoch < 4)
        {
            return false;
        }

        var previous = Math.Max(validLosses[epoch - 2], Math.Max(validLosses[epoch - 3], validLosses[epoch - 4]));
        return validLosses[epoch - 1] > previous;
    }
}
