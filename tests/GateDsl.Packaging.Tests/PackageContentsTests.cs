using System.IO.Compression;
using System.Xml.Linq;

namespace GateDsl.Packaging.Tests;

/// <summary>What each package holds and says about itself (read from the .nupkg files themselves).</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageContentsTests(PackedRepository packed)
{
    public static readonly TheoryData<string> Libraries = new() { "GateDsl.Language", "GateDsl.Distributions", "GateDsl.Compiler", "GateDsl.Reference" };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_package_has_readme_license_description_tags_docs_and_symbols(string id)
    {
        packed.AssertPacked();
        using var package = Open(id);
        var metadata = Metadata(package, id);
        Assert.Equal("MIT", Element(metadata, "license").Value);
        Assert.Equal("expression", Element(metadata, "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Element(metadata, "readme").Value);
        Assert.Contains("# " + id, Read(package, "README.md"), StringComparison.Ordinal);
        var description = Element(metadata, "description").Value;
        Assert.True(description.Length > 40 && description != "Package Description", description);
        Assert.Contains("gatedsl", Element(metadata, "tags").Value.Split(' '));

        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
        Assert.Contains("<member name=", Read(package, $"lib/net10.0/{id}.xml"), StringComparison.Ordinal);
        using var symbols = ZipFile.OpenRead(Path.Combine(packed.Feed, $"{id}.{packed.Version}.snupkg"));
        Assert.NotNull(symbols.GetEntry($"lib/net10.0/{id}.pdb"));
    }

    [Fact]
    public void Distributions_package_carries_the_native_fix_as_buildTransitive_and_depends_on_TorchSharp_cpu()
    {
        packed.AssertPacked();
        using var package = Open("GateDsl.Distributions");
        var targets = Read(package, "buildTransitive/GateDsl.Distributions.targets");
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "build", "TorchSharpNativeFix.targets")), targets);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "build", "TorchSharpNativeFix.cs")), Read(package, "buildTransitive/TorchSharpNativeFix.cs"));
        var metadata = Metadata(package, "GateDsl.Distributions");
        var dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency").Select(d => d.Attribute("id")?.Value).ToList();
        Assert.Contains("TorchSharp-cpu", dependencies);
    }

    [Fact]
    public void Gatec_is_a_tool_package_per_platform_with_that_platforms_libtorch_only()
    {
        packed.AssertPacked();
        using (var pointer = Open("GateDsl.Cli"))
        {
            var metadata = Metadata(pointer, "GateDsl.Cli");
            var types = metadata.Descendants(metadata.Name.Namespace + "packageType").Select(t => t.Attribute("name")?.Value);
            Assert.Contains("DotnetTool", types);
            var settings = XDocument.Parse(Read(pointer, "tools/any/any/DotnetToolSettings.xml"));
            Assert.Equal("gatec", settings.Descendants("Command").Single().Attribute("Name")?.Value);
            Assert.Contains($"GateDsl.Cli.{packed.ToolRuntimeIdentifier}", settings.Descendants("RuntimeIdentifierPackage").Select(p => p.Attribute("Id")?.Value));
        }

        using var platform = Open($"GateDsl.Cli.{packed.ToolRuntimeIdentifier}");
        var files = platform.Entries.Select(e => e.FullName).ToList();
        var root = $"tools/net10.0/{packed.ToolRuntimeIdentifier}/";
        Assert.Contains(root + "gatec.dll", files);
        var libtorch = files.Where(f => f.Contains("torch_cpu", StringComparison.Ordinal)).ToList();
        Assert.True(libtorch.Count == 1 && libtorch[0].StartsWith(root, StringComparison.Ordinal), string.Join(", ", libtorch));
        Assert.DoesNotContain(files, f => f.Contains("/runtimes/", StringComparison.Ordinal) && f.Contains("torch", StringComparison.OrdinalIgnoreCase));
    }

    private ZipArchive Open(string id) => ZipFile.OpenRead(Path.Combine(packed.Feed, $"{id}.{packed.Version}.nupkg"));

    /// <summary>The nuspec's metadata element (its XML namespace varies with the nuspec schema version).</summary>
    private static XElement Metadata(ZipArchive package, string id)
    {
        var root = XDocument.Parse(Read(package, id + ".nuspec")).Root!;
        return root.Element(root.Name.Namespace + "metadata") ?? throw new Xunit.Sdk.XunitException($"{id}.nuspec has no <metadata>");
    }

    private static XElement Element(XElement metadata, string name)
        => metadata.Element(metadata.Name.Namespace + name) ?? throw new Xunit.Sdk.XunitException($"nuspec has no <{name}>");

    private static string Read(ZipArchive package, string entry)
    {
        var file = package.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"package has no {entry}; it has {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(file.Open());
        return reader.ReadToEnd();
    }
}
