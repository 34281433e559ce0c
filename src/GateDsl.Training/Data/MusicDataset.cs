namespace GateDsl.Training.Data;

/// <summary>Polyphonic music in its three parts (for JSB Chorales: 229 / 76 / 77 pieces).</summary>
/// <param name="Source">The file it was read from.</param>
/// <param name="Train">Training pieces.</param>
/// <param name="Valid">Validation pieces.</param>
/// <param name="Test">Test pieces.</param>
public sealed record MusicDataset(string Source, IReadOnlyList<PianoRoll> Train, IReadOnlyList<PianoRoll> Valid, IReadOnlyList<PianoRoll> Test)
{
    /// <summary>The pieces of one part.</summary>
    public IReadOnlyList<PianoRoll> this[Split split] => split switch
    {
        Split.Train => Train,
        Split.Valid => Valid,
        _ => Test,
    };
}
