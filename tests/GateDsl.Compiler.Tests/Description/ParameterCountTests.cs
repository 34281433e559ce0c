using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Tests.Lowering;

namespace GateDsl.Compiler.Tests.Description;

/// <summary>
/// The parameter count is the back end's layout (<see cref="CellLayout"/>), from the K that
/// <c>describe</c> reports: one fused map of K*H rows over [x, h] plus one bias per row.
/// </summary>
public sealed class ParameterCountTests
{
    [Fact]
    public void BBetaLSTM5G_has_245532_parameters_for_input_88_hidden_148()
    {
        var summary = Lowered.StdlibCompilation.Cells.Single(c => c.Name == "BBetaLSTM5G");

        Assert.Equal(245532L, new CellLayout(summary.HeadCount, 88, 148).ParameterCount);
    }

    [Fact]
    public void Parameter_count_is_K_H_I_plus_H_plus_K_H()
    {
        var compilation = Lowered.Compile("cell C {\n  gate i = sigmoid(linear)\n  gate f = 1 - i\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");
        var cell = Assert.Single(compilation.Cells);

        Assert.Equal(3, cell.HeadCount);
        Assert.Equal(3L * 10 * (5 + 10) + 3 * 10, new CellLayout(cell.HeadCount, 5, 10).ParameterCount);
        Assert.Equal("3*H*(I+H) + 3*H", CellLayout.Formula(cell.HeadCount));
    }

    [Fact]
    public void Parameter_count_is_exact_past_int_range_and_throws_past_long_range()
    {
        // I + H = 2^31 overflows an int: the count was negative when summed in int.
        Assert.Equal(3L * 1 * (int.MaxValue + 1L) + 3, new CellLayout(3, int.MaxValue, 1).ParameterCount);
        Assert.Equal(3L * 65536 * (65536 + 65536) + 3L * 65536, new CellLayout(3, 65536, 65536).ParameterCount);
        Assert.Throws<OverflowException>(() => new CellLayout(3, int.MaxValue, int.MaxValue).ParameterCount);
    }
}
