using System.Text.Json;
using Xunit.Abstractions;

namespace GateDsl.Packaging.Tests;

/// <summary>
/// gatec as a .NET tool: `dotnet tool install` from the pack folder into a temporary tool path gives a
/// working `gatec` command, whose TorchSharp loads (on Debian 12 too: the tool carries the fixed native
/// library) and whose standard library is embedded.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class GatecToolTests(PackedRepository packed, ITestOutputHelper log)
{
    [Fact]
    public void Dotnet_tool_install_gives_a_working_gatec()
    {
        packed.AssertPacked();
        var toolPath = Path.Combine(packed.Root, "tools");
        var install = Dotnet.Run(packed.Root, packed.UserEnvironment, PackedRepository.CommandTimeout,
            "tool", "install", "GateDsl.Cli", "--version", packed.Version, "--tool-path", toolPath, "--add-source", packed.Feed);
        log.WriteLine($"{install.CommandLine}: {install.Elapsed.TotalSeconds:0} s");
        Assert.True(install.ExitCode == 0, install.Describe());
        var gatec = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "gatec.exe" : "gatec");
        Assert.True(File.Exists(gatec), $"no {gatec} after: {install.Describe()}");

        // The front end, with an import from the embedded standard library.
        var spec = Path.Combine(packed.Root, "user.gate");
        File.WriteAllText(spec, """
            import "distributions.gate"
            cell Gates {
              gate (i, f) ~ BivariateBeta(softplus(linear) + 1e-3, softplus(linear) + 1e-3, softplus(linear) + 1e-3)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }
            """);
        var check = Dotnet.Execute(gatec, packed.Root, null, TimeSpan.FromMinutes(5), "check", "--json", spec);
        Assert.True(check.ExitCode == 0, check.Describe());
        using (var diagnostics = JsonDocument.Parse(check.Output))
        {
            Assert.Equal(0, diagnostics.RootElement.GetProperty("diagnostics").GetArrayLength());
        }

        // TorchSharp inside the tool: draws of the bivariate Beta and its MathNet reference.
        var sample = Dotnet.Execute(gatec, packed.Root, null, TimeSpan.FromMinutes(5),
            "sample", "BivariateBeta(2, 3, 1.5)", "-n", "1000", "--seed", "7", "--json");
        Assert.True(sample.ExitCode == 0, sample.Describe());
        using var report = JsonDocument.Parse(sample.Output);
        var correlation = report.RootElement.GetProperty("correlation");
        Assert.InRange(correlation.GetProperty("reference").GetDouble(), 0.5825, 0.5835);
        Assert.True(double.IsFinite(correlation.GetProperty("sample").GetDouble()), sample.Output);
    }
}
