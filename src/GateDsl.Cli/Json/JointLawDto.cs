namespace GateDsl.Cli.Json;

/// <summary>The joint law of two gates, <c>{"gates":["i","f"],"law":{...}}</c>: the first gate is the law's X, the second its Y.</summary>
public sealed record JointLawDto(IReadOnlyList<string> Gates, LawDto Law);
