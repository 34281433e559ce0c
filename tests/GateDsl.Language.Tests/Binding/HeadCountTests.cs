namespace GateDsl.Language.Tests.Binding;

/// <summary>K, the number of learned heads: how families, lets and distribution arguments count.</summary>
public sealed class HeadCountTests
{
    private const string Rest = "  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n";

    [Theory]
    // a let's heads count once however often it is used
    [InlineData("  let a = softplus(linear)\n  gate i ~ Beta(a, a)\n  gate f ~ Beta(a, a)\n", 3)]
    // a family draw repeats its heads per member
    [InlineData("  draw g[1..3] ~ Gamma(softplus(linear))\n  gate i = g[1] / (g[1] + g[2])\n  gate f = g[3] / (g[3] + g[1])\n", 5)]
    // a family let too
    [InlineData("  let a[1..4] = softplus(linear)\n  gate i = a[1] / (a[1] + a[2])\n  gate f = a[3] / (a[3] + a[4])\n", 6)]
    // arguments of a user distribution are evaluated once, and a family of them per member
    [InlineData("  draw b[1..2] ~ Beta(softplus(linear), 1)\n  gate i = b[1]\n  gate f = b[2]\n", 4)]
    // deterministic gates and constants
    [InlineData("  const c = 0.5\n  gate i = sigmoid(linear + linear)\n  gate f = c\n", 4)]
    public void Counts(string statements, int heads)
    {
        var compilation = BindingAssert.Compile("import \"distributions.gate\"\ncell C {\n" + statements + Rest + "}\n");
        Assert.False(compilation.HasErrors, BindingAssert.Render(compilation.Diagnostics));
        Assert.Equal(heads, Assert.Single(compilation.Cells).HeadCount);
    }

    [Fact]
    public void Parameter_count_is_K_H_I_plus_H_plus_K_H()
    {
        var compilation = BindingAssert.Compile("cell C {\n  gate i = sigmoid(linear)\n  gate f = 1 - i\n" + Rest + "}\n");
        var cell = Assert.Single(compilation.Cells);
        Assert.Equal(3, cell.HeadCount);
        Assert.Equal(3L * 10 * (5 + 10) + 3 * 10, cell.ParameterCount(5, 10));
    }

    [Fact]
    public void Parameter_count_is_exact_past_int_range_and_throws_past_long_range()
    {
        var cell = new Model.CellSummary("C", "c.gate", 1, 3, [], [], [], "mean", true, []);

        // I + H = 2^31 overflows an int: the count was negative when summed in int.
        Assert.Equal(3L * 1 * (int.MaxValue + 1L) + 3, cell.ParameterCount(int.MaxValue, 1));
        Assert.Equal(3L * 65536 * (65536 + 65536) + 3L * 65536, cell.ParameterCount(65536, 65536));
        Assert.Throws<OverflowException>(() => cell.ParameterCount(int.MaxValue, int.MaxValue));
    }
}
