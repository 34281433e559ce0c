using System.Runtime.InteropServices;

namespace GateDsl.Packaging.Tests;

/// <summary>
/// Packs every packable project of GateDsl.sln once, into a fresh temporary folder outside the
/// repository, as a release would: Release configuration, build and restore output in the
/// temporary folder too (<c>--artifacts-path</c>), so the repository's own bin/obj are never touched
/// while the other test projects run. The tool is packed for this machine's platform only (one
/// libtorch), which is what <c>dotnet tool install</c> picks here anyway.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    /// <summary>Generous: a cold Release build of six projects and one ~140 MB tool package on a loaded 2-core machine.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(20);

    public PackedRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "gatedsl-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        ToolRuntimeIdentifier = HostRuntimeIdentifier();

        Pack = Dotnet.Run(RepoPaths.Root, null, CommandTimeout,
            "pack", Path.Combine(RepoPaths.Root, "GateDsl.sln"),
            "--configuration", "Release",
            "--output", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:ToolPackageRuntimeIdentifiers={ToolRuntimeIdentifier}",
            "-nodeReuse:false", "-tl:off");

        var language = Directory.GetFiles(Feed, "GateDsl.Language.*.nupkg").FirstOrDefault(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        Version = language is null ? "" : Path.GetFileNameWithoutExtension(language)["GateDsl.Language.".Length..];
    }

    /// <summary>The temporary folder holding everything this fixture and the tests create.</summary>
    public string Root { get; }

    /// <summary>The local package source: the folder <c>dotnet pack -o</c> wrote to.</summary>
    public string Feed { get; }

    /// <summary>The packages' version, read from the GateDsl.Language package's file name ("" when packing failed).</summary>
    public string Version { get; }

    /// <summary>The platform the tool was packed for (linux-x64, win-x64 or osx-arm64).</summary>
    public string ToolRuntimeIdentifier { get; }

    /// <summary>The pack command and what it printed.</summary>
    internal CommandResult Pack { get; }

    /// <summary>Environment for restores of user projects: the machine's NuGet sources, but a private
    /// global-packages folder so every run extracts the packages it just made (never a stale copy).</summary>
    internal IReadOnlyDictionary<string, string> UserEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages"),
    };

    /// <summary>Fails with the pack output unless packing succeeded.</summary>
    internal void AssertPacked()
    {
        Assert.True(Pack.ExitCode == 0 && Version.Length > 0, Pack.Describe());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary folder is harmless.
        }
    }

    private static string HostRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            var other => other.ToString().ToLowerInvariant(),
        };
        return $"{os}-{arch}";
    }
}
