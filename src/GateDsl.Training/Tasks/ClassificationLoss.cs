using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>Cross-entropy and correct count of class logits read at each sequence's last real step.</summary>
internal static class ClassificationLoss
{
    /// <summary>Summed cross-entropy (nats) and the number of correct argmax predictions of [B, C] logits against [B] classes.</summary>
    public static LossParts Of(Tensor lastLogits, Tensor classes)
    {
        var sum = nn.functional.cross_entropy(lastLogits, classes, reduction: nn.Reduction.Sum);
        var correct = lastLogits.argmax(1).eq(classes).sum();
        return new LossParts(sum, correct);
    }
}
