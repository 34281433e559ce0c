namespace GateDsl.Language.Binding;

/// <summary>One parameter of a distribution: its name, support, optional default, and how messages name it.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Support">What an argument must be.</param>
/// <param name="Default">The default value when the argument may be left out.</param>
/// <param name="Role">How a message names it: "the Gamma shape", "Beta's parameter 'a'".</param>
public sealed record DistributionParameter(string Name, Support Support, double? Default, string Role);
