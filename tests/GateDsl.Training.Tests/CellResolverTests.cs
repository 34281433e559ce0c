using GateDsl.Training.Cores;

namespace GateDsl.Training.Tests;

/// <summary>Which cells train today: the standard LSTM on the interim nn.LSTM baseline, nothing else silently.</summary>
public sealed class CellResolverTests
{
    [Fact]
    public void Stdlib_lstm_trains_on_the_interim_baseline()
    {
        var resolved = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), "LSTM");

        Assert.Equal(CellProblem.None, resolved.Problem);
        Assert.Contains("interim baseline", resolved.Implementation);
        Assert.Matches("^[0-9a-f]{64}$", resolved.SpecHash);
    }

    [Theory]
    [InlineData("BBetaLSTM5G")]
    [InlineData("CIFG")]
    [InlineData("G2LSTM")]
    public void Other_stdlib_cells_wait_for_the_compiled_layer(string cell)
    {
        var resolved = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), cell);

        Assert.Equal(CellProblem.NotTrainableYet, resolved.Problem);
        Assert.StartsWith($"cell '{cell}' cannot be trained yet: ", resolved.Message);
        Assert.Null(resolved.Implementation);
    }

    [Fact]
    public void A_user_cell_equal_to_the_lstm_trains_and_a_near_miss_does_not()
    {
        using var folder = new TempDirectory();
        var spec = folder.Write("mine.gate",
            "cell Plain {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n" +
            "cell Coupled {\n  gate i = sigmoid(linear)\n  gate f = 1 - i\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");

        Assert.Equal(CellProblem.None, CellResolver.Resolve(spec, "Plain").Problem);
        Assert.Equal(CellProblem.NotTrainableYet, CellResolver.Resolve(spec, "Coupled").Problem);
        Assert.Equal(CellProblem.UnknownCell, CellResolver.Resolve(spec, "Plane").Problem);
    }

    [Fact]
    public void A_spec_with_errors_is_reported_with_its_diagnostics()
    {
        using var folder = new TempDirectory();
        var spec = folder.Write("bad.gate", "cell Broken {\n  gate i = sigmoid(\n}\n");

        var resolved = CellResolver.Resolve(spec, "Broken");

        Assert.Equal(CellProblem.SpecErrors, resolved.Problem);
        Assert.True(resolved.Compilation.HasErrors);
    }

    [Fact]
    public void The_spec_hash_ignores_layout_and_follows_meaning()
    {
        using var folder = new TempDirectory();
        const string Body = "cell A {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n";
        var tidy = folder.Write("tidy.gate", Body);
        var messy = folder.Write("messy.gate", Body.Replace("\n  ", "\n      ", StringComparison.Ordinal).Replace(" = ", "=", StringComparison.Ordinal));
        var other = folder.Write("other.gate", Body.Replace("tanh", "sigmoid", StringComparison.Ordinal));

        Assert.Equal(CellResolver.Resolve(tidy, "A").SpecHash, CellResolver.Resolve(messy, "A").SpecHash);
        Assert.NotEqual(CellResolver.Resolve(tidy, "A").SpecHash, CellResolver.Resolve(other, "A").SpecHash);
    }
}
