using System.Runtime.InteropServices;
using System.Text;
using Xunit.Abstractions;

namespace GateDsl.Packaging.Tests;

/// <summary>
/// Issues 7's and 10's "Done when", as a new user would do it: a fresh console project outside the
/// repository installs the GateDsl packages from a local pack folder (everything else from this
/// machine's configured NuGet sources), builds, and runs: it compiles the standard library's cells,
/// trains one step of a 2-layer BBetaLSTM5GPrior layer on a padded batch (data loss plus KL) and
/// samples a bivariate Beta with gradients, on Debian 12 too: the TorchSharp native fix arrives with GateDsl.Distributions (buildTransitive), here through
/// GateDsl.Compiler, without the user naming it.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ConsumerProjectTests(PackedRepository packed, ITestOutputHelper log)
{
    [Fact]
    public void A_console_project_outside_the_repository_builds_and_runs_on_the_packages()
    {
        packed.AssertPacked();
        var project = Path.Combine(packed.Root, "UserApp");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "UserApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GateDsl.Compiler" Version="{packed.Version}" />
                <PackageReference Include="GateDsl.Reference" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(project, "Program.cs"));
        WriteNuGetConfig(project);

        var build = Dotnet.Run(project, packed.UserEnvironment, PackedRepository.CommandTimeout, "build", "-nodeReuse:false", "-tl:off");
        log.WriteLine($"{packed.Pack.CommandLine}: {packed.Pack.Elapsed.TotalSeconds:0} s");
        log.WriteLine($"{build.CommandLine}: {build.Elapsed.TotalSeconds:0} s");
        Assert.True(build.ExitCode == 0, build.Describe());
        AssertNativeFixRanWhereNeeded(build, project);

        var run = Dotnet.Run(project, packed.UserEnvironment, PackedRepository.CommandTimeout, "run", "--no-build");
        log.WriteLine($"{run.CommandLine}: {run.Elapsed.TotalSeconds:0} s\n{run.Output}");
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("cells: LSTM, CIFG, G2LSTM, BetaLSTM, BBetaLSTM, BBetaLSTM5G, BBetaLSTM5GPrior, KumaraswamyLSTM\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("diagnostics: 0\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"output: 25x4x32, parameters: {(7 * 32 * (88 + 32)) + (7 * 32) + (7 * 32 * (32 + 32)) + (7 * 32)}\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("loss and KL finite and positive: True\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("every weight has a finite nonzero gradient: True\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("draws: 4000x2, all in (0, 1): True\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("gradients finite and nonzero: True\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("correlation matches reference: True\n", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A nuget.config beside the user's project that adds the pack folder as a source (the machine's
    /// own sources stay) and reads packages already on this machine from its global-packages folder.
    /// </summary>
    private void WriteNuGetConfig(string project)
    {
        var locals = Dotnet.Run(project, null, TimeSpan.FromMinutes(2), "nuget", "locals", "global-packages", "--list");
        Assert.True(locals.ExitCode == 0, locals.Describe());
        var machinePackages = locals.Output.Split('\n')
            .Select(l => l.Trim())
            .First(l => l.StartsWith("global-packages:", StringComparison.Ordinal))["global-packages:".Length..].Trim();
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="gatedsl-pack-folder" value="{packed.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-global-packages" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>
    /// The buildTransitive targets ran in the user's build: on Linux x64 they patch the output copy
    /// exactly when this machine's libstdc++ lacks GLIBCXX_3.4.32 (as on Debian 12), and say so.
    /// </summary>
    private static void AssertNativeFixRanWhereNeeded(CommandResult build, string project)
    {
        const string patched = "TorchSharp native fix: marked GLIBCXX_3.4.32 weak in ";
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.DoesNotContain(patched, build.Output, StringComparison.Ordinal);
            return;
        }

        var libStdCxx = new[] { "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6" }
            .First(File.Exists);
        var machineHasVersion = File.ReadAllBytes(libStdCxx).AsSpan().IndexOf(Encoding.ASCII.GetBytes("\0GLIBCXX_3.4.32\0")) >= 0;
        var output = Path.Combine(project, "bin", "Debug", "net10.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var ran = build.Output.Contains(patched + output, StringComparison.Ordinal);
        Assert.True(ran == !machineHasVersion,
            $"{libStdCxx} {(machineHasVersion ? "has" : "lacks")} GLIBCXX_3.4.32, so the user's build should {(machineHasVersion ? "not " : "")}" +
            $"have patched {output} through GateDsl.Distributions' buildTransitive targets, and it did {(ran ? "" : "not")}. " + build.Describe());
    }
}
