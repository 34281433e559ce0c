namespace GateDsl.Packaging.Tests;

/// <summary>The packaging tests share one pack of the repository and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackedRepository>
{
    public const string Name = "Packed repository";
}
