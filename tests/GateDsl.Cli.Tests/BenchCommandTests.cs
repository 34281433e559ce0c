using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>
/// gatec bench runs every comparison and reports it (its numbers are measurements, never asserted:
/// here a tiny batch checks the report's shape, names and targets).
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_json_has_every_row_with_its_baseline_and_target()
    {
        var result = Gatec.Run("bench", "--quick", "--rounds", "1", "--no-memory", "--size", "3,2,4,5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.GetProperty("benchmarks").EnumerateArray().ToList();
        var expected = new (string Name, string Baseline, double? Target)[]
        {
            ("LSTM (compiled, fused LSTM path)", "nn.LSTM", 1.1),
            ("LSTM (compiled, generic path)", "nn.LSTM", 2.0),
            ("LSTM (compiled, fused kernel)", "nn.LSTM", 2.0),
            ("CIFG (compiled)", "nn.LSTM", 2.0),
            ("BBetaLSTM5G (compiled)", "5G cell by hand (TorchSharp + BivariateBeta5)", 1.05),
            ("BBetaLSTM5G (compiled)", "nn.LSTM", 5.0),
            ("BBetaLSTM5GPrior (compiled)", "nn.LSTM", null),
            ("5G cell by hand (TorchSharp + BivariateBeta5)", "nn.LSTM", null),
        };
        Assert.Equal(expected.Length, rows.Count);
        for (var k = 0; k < rows.Count; k++)
        {
            Assert.Equal(expected[k].Name, rows[k].GetProperty("name").GetString());
            Assert.Equal(expected[k].Baseline, rows[k].GetProperty("baseline").GetString());
            var target = rows[k].GetProperty("target");
            Assert.Equal(expected[k].Target, target.ValueKind == JsonValueKind.Null ? null : target.GetDouble());
            Assert.True(rows[k].GetProperty("ratio").GetDouble() > 0);
            Assert.True(rows[k].GetProperty("meanMs").GetDouble() > 0 && rows[k].GetProperty("baselineMeanMs").GetDouble() > 0);
        }

        Assert.Equal("T=3 B=2 I=4 H=5", json.RootElement.GetProperty("size").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("memory").ValueKind);
    }

    [Theory]
    [InlineData("3,2,4")]
    [InlineData("3,2,4,0")]
    [InlineData("a,b,c,d")]
    public void A_bad_size_is_a_usage_error(string size)
    {
        var result = Gatec.Run("bench", "--size", size, "--no-memory");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--size takes four whole numbers T,B,I,H", result.Stderr);
    }
}
