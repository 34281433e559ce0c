namespace GateDsl.Cli.Tests;

/// <summary>
/// Tests that train models: they draw from libtorch's one global generator, so they run after the
/// parallel tests and one at a time, never interleaving their draws with another test's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "libtorch training";
}
