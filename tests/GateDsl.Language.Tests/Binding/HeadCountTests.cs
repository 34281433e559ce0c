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
}
