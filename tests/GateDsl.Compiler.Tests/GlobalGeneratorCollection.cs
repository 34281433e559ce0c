namespace GateDsl.Compiler.Tests;

/// <summary>
/// Tests that seed libtorch's one global generator (torch.manual_seed) and compare what two runs drew
/// from it run alone: a test of another class running beside them (any layer without a Seed keys its
/// draws from that generator) would take numbers from between the seed and the draws. The emitted
/// module's Monte Carlo KL once differed from the compiled cell's by 0.008 that way in a CI run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "GlobalGenerator";
}
