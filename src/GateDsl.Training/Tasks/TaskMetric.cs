namespace GateDsl.Training.Tasks;

/// <summary>What a task reports besides its loss.</summary>
public enum TaskMetric
{
    /// <summary>Bernoulli negative log-likelihood per predicted frame, summed over the 88 notes, in nats (lower is better).</summary>
    FrameNll,

    /// <summary>Fraction of correctly classified items (higher is better); the data loss is the cross-entropy in nats per item.</summary>
    Accuracy,

    /// <summary>Mean squared error per sequence (lower is better).</summary>
    MeanSquaredError,
}
