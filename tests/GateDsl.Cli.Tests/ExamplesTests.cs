using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>The user-facing examples check clean and describe as their comments say.</summary>
public sealed class ExamplesTests
{
    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "examples"), "*.gate")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_checks_without_any_diagnostic(string file)
    {
        var result = Gatec.Run("check", "--json", RepoPaths.Examples(file));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("{\"diagnostics\":[]}", result.Stdout.TrimEnd());
    }

    [Theory]
    [InlineData("correlated_gates.gate", "Learned5G", 7)]
    [InlineData("correlated_gates.gate", "Competing", 5)]
    [InlineData("beta_prior.gate", "BetaPrior", 5)]
    public void Example_cells_have_the_heads_their_comments_state(string file, string cell, int heads)
    {
        var result = Gatec.Run("describe", RepoPaths.Examples(file), "--cell", cell, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var described = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.Equal(heads, described.GetProperty("heads").GetInt32());
    }
}
