namespace GateDsl.Training.Tasks;

/// <summary>How sequential MNIST feeds an image to the recurrent core.</summary>
public enum MnistVariant
{
    /// <summary>28 steps of 28 pixels: one image row per step (the default).</summary>
    Rows,

    /// <summary>784 steps of 1 pixel, row by row.</summary>
    Pixels,

    /// <summary>784 steps of 1 pixel in a fixed permuted order (<see cref="MnistTask.Permutation"/>).</summary>
    Permuted,
}
