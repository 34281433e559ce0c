namespace GateDsl.Training.Data;

/// <summary>
/// One piece as an 88-key piano roll: <see cref="Steps"/> time steps, each 88 binary notes (column k is
/// MIDI pitch 21 + k, the piano's A0..C8), stored row by row in <see cref="Notes"/> (1 sounding, 0 silent).
/// </summary>
/// <param name="Steps">Number of time steps (at least 2, so that one frame can be predicted).</param>
/// <param name="Notes">Steps x 88 values, row-major.</param>
public sealed record PianoRoll(int Steps, float[] Notes)
{
    /// <summary>Notes per frame: the 88 keys of a piano.</summary>
    public const int Keys = 88;

    /// <summary>The lowest piano pitch, A0 (MIDI 21): column 0.</summary>
    public const int LowestPitch = 21;

    /// <summary>The highest piano pitch, C8 (MIDI 108): column 87.</summary>
    public const int HighestPitch = 108;

    /// <summary>Frames the model predicts in this piece: frame t+1 from frames up to t, so Steps - 1.</summary>
    public int PredictedFrames => Steps - 1;
}
