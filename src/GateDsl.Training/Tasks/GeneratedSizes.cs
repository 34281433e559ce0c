namespace GateDsl.Training.Tasks;

/// <summary>How many sequences a generated task makes for each part.</summary>
/// <param name="Train">Training sequences.</param>
/// <param name="Valid">Validation sequences.</param>
/// <param name="Test">Test sequences.</param>
internal sealed record GeneratedSizes(int Train, int Valid, int Test)
{
    /// <summary>10,000 / 1,000 / 1,000, the sizes <c>gatec train</c> uses.</summary>
    public static GeneratedSizes Standard { get; } = new(10_000, 1_000, 1_000);

    /// <summary>The size of one part.</summary>
    public int this[Data.Split split] => split switch
    {
        Data.Split.Train => Train,
        Data.Split.Valid => Valid,
        _ => Test,
    };
}
