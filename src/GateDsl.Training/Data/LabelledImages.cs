namespace GateDsl.Training.Data;

/// <summary>Grey images with class labels: <see cref="Count"/> images of <see cref="Pixels"/> values in [0, 1], row-major.</summary>
/// <param name="Pixels">Values per image (784 for MNIST's 28 x 28).</param>
/// <param name="Values">Count x Pixels values.</param>
/// <param name="Labels">The class of each image (0..9 for digits).</param>
public sealed record LabelledImages(int Pixels, float[] Values, int[] Labels)
{
    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;
}
