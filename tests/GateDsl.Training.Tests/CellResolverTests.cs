using GateDsl.Training.Cores;

namespace GateDsl.Training.Tests;

/// <summary>Every cell of a spec without errors trains as a compiled layer; the standard LSTM on libtorch's fused kernel, the others on the compiler's fused CPU kernel.</summary>
public sealed class CellResolverTests
{
    [Fact]
    public void Stdlib_lstm_trains_on_the_fused_kernel()
    {
        var resolved = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), "LSTM");

        Assert.Equal(CellProblem.None, resolved.Problem);
        Assert.Equal("compiled cell (standard LSTM on libtorch's fused kernel)", resolved.Implementation);
        Assert.Matches("^[0-9a-f]{64}$", resolved.SpecHash);
    }

    [Theory]
    [InlineData("BBetaLSTM5G")]
    [InlineData("CIFG")]
    [InlineData("G2LSTM")]
    [InlineData("KumaraswamyLSTM")]
    public void Other_stdlib_cells_train_on_the_fused_cpu_kernel(string cell)
    {
        var resolved = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), cell);

        Assert.Equal(CellProblem.None, resolved.Problem);
        Assert.Equal("compiled cell (fused CPU kernel)", resolved.Implementation);
    }

    [Fact]
    public void A_user_cell_trains_and_an_unknown_name_is_reported()
    {
        using var folder = new TempDirectory();
        var spec = folder.Write("mine.gate",
            "cell Plain {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n" +
            "cell Coupled {\n  gate i = sigmoid(linear)\n  gate f = 1 - i\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");

        Assert.Equal("compiled cell (standard LSTM on libtorch's fused kernel)", CellResolver.Resolve(spec, "Plain").Implementation);
        Assert.Equal("compiled cell (fused CPU kernel)", CellResolver.Resolve(spec, "Coupled").Implementation);
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
