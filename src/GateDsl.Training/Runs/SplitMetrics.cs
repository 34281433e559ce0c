namespace GateDsl.Training.Runs;

/// <summary>
/// Scores of a model on one part, per scored item (a predicted frame, a sequence or a recalled
/// symbol). Loss convention (docs/training.md): loss = (summed data loss + kl-weight x summed KL) /
/// items, where the KL is the core's spec-weighted prior KL summed over units, real steps and batch
/// (PAPER.md: KL summed over units, time and batch, times its weight, added to the summed data loss).
/// </summary>
/// <param name="Loss">(data + kl-weight x KL) per item: what training minimises.</param>
/// <param name="DataLoss">Data loss per item: the frame NLL in nats (music), cross-entropy in nats (classification) or squared error (adding).</param>
/// <param name="Kl">Spec-weighted KL per item, before --kl-weight (0 for cells without priors).</param>
/// <param name="Accuracy">Fraction correct for classification tasks, otherwise null.</param>
/// <param name="Items">Number of scored items.</param>
public sealed record SplitMetrics(double Loss, double DataLoss, double Kl, double? Accuracy, long Items);
