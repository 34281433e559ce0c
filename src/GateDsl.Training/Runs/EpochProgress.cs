namespace GateDsl.Training.Runs;

/// <summary>Sums over the training batches of the current epoch, kept in checkpoints so an interrupted epoch resumes exactly.</summary>
internal sealed class EpochProgress
{
    /// <summary>Batches done.</summary>
    public int Batches { get; set; }

    /// <summary>Summed data loss.</summary>
    public double DataSum { get; set; }

    /// <summary>Summed spec-weighted KL.</summary>
    public double KlSum { get; set; }

    /// <summary>Summed correct predictions (classification).</summary>
    public long Correct { get; set; }

    /// <summary>Scored items.</summary>
    public long Items { get; set; }

    /// <summary>Seconds spent on the epoch so far.</summary>
    public double Seconds { get; set; }

    /// <summary>The running averages as metrics.</summary>
    public SplitMetrics ToMetrics(double klWeight, bool hasAccuracy)
    {
        var n = Math.Max(1, Items);
        return new SplitMetrics((DataSum + klWeight * KlSum) / n, DataSum / n, KlSum / n, hasAccuracy ? (double)Correct / n : null, Items);
    }
}
