namespace GateDsl.Training.Tasks;

/// <summary>The settings a task trains with unless the user overrides them.</summary>
/// <param name="HiddenSize">H of every layer.</param>
/// <param name="Layers">Number of recurrent layers.</param>
/// <param name="Dropout">Dropout between layers (and, locked, as the paper's music code uses it).</param>
/// <param name="BatchSize">Sequences per batch.</param>
/// <param name="Epochs">Passes over the training part.</param>
public sealed record TaskDefaults(int HiddenSize, int Layers, double Dropout, int BatchSize, int Epochs);
