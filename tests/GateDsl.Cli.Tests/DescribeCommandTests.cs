using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>describe on the standard cells and on user cells: heads, parameter counts, inferred laws, KL methods.</summary>
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
            new[] { "name", "file", "line", "heads", "gates", "draws", "priors", "evaluation", "evaluationIsDefault", "hyperParameters", "parameterFormula", "parameterCount", "joint" },
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
        Assert.StartsWith("gatec: give both --input-size and --hidden-size, or neither", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
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

    [Fact]
    public void Json_gives_each_gates_inferred_law_and_evaluation_and_the_joint_law()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5G", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        var gates = cell.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(new[] { "name", "stochastic", "definition", "support", "law", "evaluation" }, gates[0].EnumerateObject().Select(p => p.Name));
        var i = gates[0].GetProperty("law");
        Assert.Equal("Beta", i.GetProperty("family").GetString());
        Assert.Equal(new[] { "shape(g[1]) + shape(g[3])", "shape(g[4]) + shape(g[5])" }, i.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))", i.GetProperty("text").GetString());
        Assert.Equal("Beta(shape(g[2]) + shape(g[4]), shape(g[3]) + shape(g[5]))", gates[1].GetProperty("law").GetProperty("text").GetString());
        Assert.Equal(new[] { "exactMean", "exactMean", "deterministic", "deterministic" }, gates.Select(g => g.GetProperty("evaluation").GetString()));
        Assert.Equal(JsonValueKind.Null, gates[2].GetProperty("law").ValueKind);

        var joint = cell.GetProperty("joint");
        Assert.Equal(new[] { "i", "f" }, joint.GetProperty("gates").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("BivariateBeta5(shape(g[1]), shape(g[2]), shape(g[3]), shape(g[4]), shape(g[5]))", joint.GetProperty("law").GetProperty("text").GetString());
    }

    [Fact]
    public void Json_says_G2LSTM_gates_have_unknown_laws_and_a_plug_in_evaluation()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "G2LSTM", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var cell = Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray());
        var i = cell.GetProperty("gates")[0];
        Assert.True(i.GetProperty("stochastic").GetBoolean());
        Assert.Equal(JsonValueKind.Null, i.GetProperty("law").ValueKind);
        Assert.Equal("plugInMean", i.GetProperty("evaluation").GetString());
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("joint").ValueKind);
    }

    [Fact]
    public void Json_gives_each_priors_KL_terms_and_method()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5GPrior", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var prior = Assert.Single(Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray()).GetProperty("priors").EnumerateArray());
        Assert.Equal(new[] { "target", "distribution", "weight", "klMethod", "terms" }, prior.EnumerateObject().Select(p => p.Name));
        Assert.Equal("closedForm", prior.GetProperty("klMethod").GetString());
        var terms = prior.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(new[] { "g[1]", "g[2]", "g[3]", "g[4]", "g[5]" }, terms.Select(t => t.GetProperty("target").GetString()));
        Assert.Equal("Gamma(shape(g[3]), 1)", terms[2].GetProperty("posterior").GetProperty("text").GetString());
        Assert.Equal("Gamma(0.5, 1)", terms[2].GetProperty("prior").GetProperty("text").GetString());
        Assert.All(terms, t => Assert.Equal("closedForm", t.GetProperty("klMethod").GetString()));
    }

    [Fact]
    public void A_KL_by_Monte_Carlo_is_flagged_in_the_table_and_the_json()
    {
        var file = _temp.Write("mc.gate", """
            import "distributions.gate"
            cell C {
              gate i ~ Kumaraswamy(softplus(linear) + 0.001, 2)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              prior i ~ Kumaraswamy(1, 1)
            }
            """);

        var table = Gatec.Run("describe", file);
        var json = Gatec.Run("describe", file, "--json");

        Assert.True(table.ExitCode == ExitCodes.Success, table.ToString());
        Assert.Contains(table.Stdout.Split('\n'), l => l.Contains("1 * KL(Kumaraswamy(a(i), 2) || Kumaraswamy(1, 1))", StringComparison.Ordinal) && l.Contains("Monte Carlo: no closed form", StringComparison.Ordinal));
        Assert.Contains("warning GATE0606", table.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var prior = Assert.Single(Assert.Single(document.RootElement.GetProperty("cells").EnumerateArray()).GetProperty("priors").EnumerateArray());
        Assert.Equal("monteCarlo", prior.GetProperty("klMethod").GetString());
    }

    [Fact]
    public void The_table_shows_the_inferred_Beta_marginals_of_BBetaLSTM5G()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5G");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("│ i ", StringComparison.Ordinal) && l.Contains("~ Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))", StringComparison.Ordinal) && l.Contains("exact mean", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ f ", StringComparison.Ordinal) && l.Contains("~ Beta(shape(g[2]) + shape(g[4]), shape(g[3]) + shape(g[5]))", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(i, f)", StringComparison.Ordinal) && l.Contains("~ BivariateBeta5(", StringComparison.Ordinal));
    }
}
