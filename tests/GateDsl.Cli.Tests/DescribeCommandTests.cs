using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>
/// describe on the standard cells. The K and parameter-count assertions need the binder (the
/// placeholder Compilation reports no cells), so they fail until it lands; they are not weakened.
/// </summary>
public sealed class DescribeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("LSTM", 4)]
    [InlineData("CIFG", 3)]
    [InlineData("G2LSTM", 4)]
    [InlineData("BetaLSTM", 6)]
    [InlineData("BBetaLSTM", 5)]
    [InlineData("BBetaLSTM5G", 7)]
    [InlineData("BBetaLSTM5GPrior", 7)]
    public void Reports_the_number_of_heads_of_the_paper_cells(string cell, int heads)
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", cell, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var described = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.Equal(cell, described.GetProperty("name").GetString());
        Assert.Equal(heads, described.GetProperty("heads").GetInt32());
        Assert.Equal($"{heads}*H*(I+H) + {heads}*H", described.GetProperty("parameterFormula").GetString());
        Assert.Equal(JsonValueKind.Null, described.GetProperty("parameterCount").ValueKind);
    }

    [Fact]
    public void Counts_the_parameters_of_BBetaLSTM5G_for_the_paper_sizes()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5G", "--input-size", "88", "--hidden-size", "148");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("245532", result.Stdout);
        Assert.Contains("K = 7", result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public void Json_reports_the_parameter_count_for_the_given_sizes()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5G", "--input-size", "88", "--hidden-size", "148", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(new[] { "file", "inputSize", "hiddenSize", "cells", "diagnostics" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(88, root.GetProperty("inputSize").GetInt32());
        Assert.Equal(148, root.GetProperty("hiddenSize").GetInt32());
        var cell = Assert.Single(root.GetProperty("cells").EnumerateArray());
        Assert.Equal(
            new[] { "name", "file", "line", "heads", "gates", "draws", "priors", "evaluation", "evaluationIsDefault", "hyperParameters", "parameterFormula", "parameterCount" },
            cell.EnumerateObject().Select(p => p.Name));
        Assert.Equal(245532, cell.GetProperty("parameterCount").GetInt64());
        Assert.Equal("mean", cell.GetProperty("evaluation").GetString());
        Assert.False(cell.GetProperty("evaluationIsDefault").GetBoolean());
        Assert.Equal(new[] { "i", "f", "o", "candidate" }, cell.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
    }

    [Fact]
    public void Describes_every_cell_when_no_cell_is_named()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var names = document.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(new[] { "LSTM", "CIFG", "G2LSTM", "BetaLSTM", "BBetaLSTM", "BBetaLSTM5G", "BBetaLSTM5GPrior", "KumaraswamyLSTM" }, names);
    }

    [Fact]
    public void Prior_of_BBetaLSTM5GPrior_is_reported_with_its_weight()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5GPrior", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        var prior = Assert.Single(cell.GetProperty("priors").EnumerateArray());
        Assert.Equal(1e-3, prior.GetProperty("weight").GetDouble());
    }

    [Fact]
    public void Unknown_cell_is_a_usage_error_listing_the_cells_with_a_suggestion()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5g");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("did you mean 'BBetaLSTM5G'?", result.Stderr);
        Assert.Contains("LSTM, CIFG, G2LSTM", result.Stderr);
    }

    [Fact]
    public void Unknown_cell_in_a_file_without_cells_is_a_usage_error()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("distributions.gate"), "--cell", "LSTM");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("LSTM", result.Stderr);
    }

    [Fact]
    public void A_file_with_errors_prints_the_diagnostics_and_exits_1()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("describe", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("error GATE0003", result.Stdout);
    }

    [Fact]
    public void Json_of_a_file_with_errors_has_no_cells_and_the_diagnostics()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("describe", file, "--json");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Empty(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.Contains(document.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GATE0003");
    }

    [Theory]
    [InlineData("--input-size", "88")]
    [InlineData("--hidden-size", "148")]
    public void One_size_without_the_other_is_a_usage_error(string option, string value)
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), option, value);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
    }

    [Fact]
    public void Non_positive_sizes_are_a_usage_error()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--input-size", "0", "--hidden-size", "4");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
    }

    [Fact]
    public void A_size_that_is_not_a_number_is_a_usage_error()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--input-size", "many", "--hidden-size", "4");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
    }

    [Theory]
    [InlineData("--input-size", "abc", "gatec: --input-size must be a whole number >= 1 (got 'abc')")]
    [InlineData("--hidden-size", "1.5", "gatec: --hidden-size must be a whole number >= 1 (got '1.5')")]
    [InlineData("--input-size", "0", "gatec: --input-size must be a whole number >= 1 (got 0)")]
    [InlineData("--hidden-size", "-3", "gatec: --hidden-size must be a whole number >= 1 (got -3)")]
    [InlineData("--input-size", "99999999999", "gatec: --input-size must be at most 2147483647 (got 99999999999)")]
    public void A_bad_size_says_what_a_size_must_be_without_dotnet_type_names(string option, string value, string message)
    {
        var other = option == "--input-size" ? "--hidden-size" : "--input-size";

        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), option, value, other, "4");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith(message + "\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_parameter_count_past_int_range_is_exact_not_negative()
    {
        // LSTM has K = 4: 4*1*(2147483647 + 1) + 4*1 = 8589934596, where I + H alone overflows an int.
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "LSTM", "--input-size", "2147483647", "--hidden-size", "1", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var described = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        Assert.Equal(8_589_934_596L, described.GetProperty("parameterCount").GetInt64());
    }

    [Fact]
    public void A_parameter_count_past_long_range_is_a_usage_error()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--input-size", "2147483647", "--hidden-size", "2147483647");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("--input-size 2147483647 and --hidden-size 2147483647 give cell", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("more than 9,223,372,036,854,775,807 parameters", result.Stderr, StringComparison.Ordinal);
    }
}
