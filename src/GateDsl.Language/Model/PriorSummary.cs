namespace GateDsl.Language.Model;

/// <summary>One prior of a cell: its target, its law and the weight of its KL term.</summary>
public sealed record PriorSummary(string Target, string Distribution, double Weight);
