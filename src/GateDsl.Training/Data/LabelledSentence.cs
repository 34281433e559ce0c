namespace GateDsl.Training.Data;

/// <summary>One sentence with its sentiment: 0 negative, 1 positive.</summary>
/// <param name="Text">The sentence as written.</param>
/// <param name="Label">0 or 1.</param>
public sealed record LabelledSentence(string Text, int Label);
