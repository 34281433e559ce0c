using GateDsl.Language.Binding;
using static GateDsl.Language.Binding.Support;

namespace GateDsl.Language.Tests.Binding;

/// <summary>Every rule of the supports type system, on its own.</summary>
public sealed class SupportRulesTests
{
    [Theory]
    [InlineData(0.5, UnitInterval)]
    [InlineData(1e-3, UnitInterval)]
    [InlineData(1.0, Positive)]
    [InlineData(2.5, Positive)]
    [InlineData(0.0, Real)]
    public void Literal(double value, Support expected) => Assert.Equal(expected, SupportRules.OfLiteral(value));

    [Theory]
    [InlineData(UnitInterval, Positive, true)]
    [InlineData(Positive, Real, true)]
    [InlineData(UnitInterval, Real, true)]
    [InlineData(Real, Positive, false)]
    [InlineData(Positive, UnitInterval, false)]
    public void Subtyping(Support actual, Support expected, bool ok) => Assert.Equal(ok, SupportRules.IsSubtypeOf(actual, expected));

    [Theory]
    [InlineData(Positive, Positive, Positive)]
    [InlineData(UnitInterval, UnitInterval, Positive)]
    [InlineData(UnitInterval, Positive, Positive)]
    [InlineData(Positive, Real, Real)]
    public void Add(Support a, Support b, Support expected) => Assert.Equal(expected, SupportRules.Add(a, b));

    [Theory]
    [InlineData(UnitInterval, UnitInterval, UnitInterval)]
    [InlineData(UnitInterval, Positive, Positive)]
    [InlineData(Positive, Positive, Positive)]
    [InlineData(Real, UnitInterval, Real)]
    public void Multiply(Support a, Support b, Support expected) => Assert.Equal(expected, SupportRules.Multiply(a, b));

    [Theory]
    [InlineData(UnitInterval, true, UnitInterval)]
    [InlineData(Positive, true, Real)]
    [InlineData(UnitInterval, false, Real)]
    public void Subtract(Support right, bool leftIsOne, Support expected) =>
        Assert.Equal(expected, SupportRules.Subtract(Positive, right, leftIsOne));

    [Theory]
    [InlineData(Positive, Positive, Positive)]
    [InlineData(UnitInterval, Positive, Positive)]
    [InlineData(Real, Positive, Real)]
    [InlineData(Positive, Real, Real)]
    public void Divide_on_supports(Support a, Support b, Support expected) => Assert.Equal(expected, SupportRules.Divide(a, b));

    [Fact]
    public void Negate_is_Real() => Assert.Equal(Real, SupportRules.Negate(UnitInterval));

    [Theory]
    [InlineData(UnitInterval, Positive, UnitInterval)]
    [InlineData(UnitInterval, Real, Positive)]
    [InlineData(Positive, UnitInterval, Positive)]
    public void Power(Support @base, Support exponent, Support expected) => Assert.Equal(expected, SupportRules.Power(@base, exponent));

    [Theory]
    [InlineData(Positive, true)]
    [InlineData(UnitInterval, true)]
    [InlineData(Real, false)]
    public void Power_base_must_be_Positive(Support @base, bool ok) => Assert.Equal(ok, SupportRules.IsValidPowerBase(@base));

    [Theory]
    [InlineData("softplus", Positive)]
    [InlineData("exp", Positive)]
    [InlineData("sigmoid", UnitInterval)]
    [InlineData("tanh", Real)]
    [InlineData("log", Real)]
    public void Functions(string name, Support expected)
    {
        Assert.True(BuiltinFunctions.TryParse(name, out var function));
        Assert.Equal(name, BuiltinFunctions.Name(function));
        Assert.Equal(expected, SupportRules.OfFunction(function));
    }

    [Fact]
    public void Log_needs_a_Positive_argument()
    {
        Assert.Equal(Positive, SupportRules.ArgumentOfFunction(BuiltinFunction.Log));
        Assert.Equal(Real, SupportRules.ArgumentOfFunction(BuiltinFunction.Softplus));
        Assert.False(BuiltinFunctions.TryParse("softpls", out _));
    }

    [Theory]
    [InlineData(BuiltinFunction.Softplus, -40, 4.248354255291589e-18)]
    [InlineData(BuiltinFunction.Softplus, 0, 0.6931471805599453)]
    [InlineData(BuiltinFunction.Softplus, 800, 800)]
    [InlineData(BuiltinFunction.Sigmoid, -800, 0)]
    [InlineData(BuiltinFunction.Sigmoid, -30, 9.357622968839299e-14)]
    [InlineData(BuiltinFunction.Exp, 1, Math.E)]
    [InlineData(BuiltinFunction.Tanh, 0.5, 0.46211715726000974)]
    public void Function_values_are_accurate_in_the_tails(BuiltinFunction function, double x, double expected) =>
        Assert.Equal(expected, BuiltinFunctions.Evaluate(function, x), Math.Abs(expected) * 1e-14);

    [Fact]
    public void Log_of_a_non_positive_number_is_NaN() => Assert.True(double.IsNaN(BuiltinFunctions.Evaluate(BuiltinFunction.Log, 0)));

    [Theory]
    [InlineData(Positive, Real, "softplus")]
    [InlineData(UnitInterval, Real, "sigmoid")]
    [InlineData(UnitInterval, Positive, "larger sum")]
    public void Fixes(Support expected, Support actual, string fix) => Assert.Contains(fix, SupportRules.FixFor(expected, actual));

    // Partial-sum ratios, checked through the binder so the terms are real bound expressions.
    [Theory]
    [InlineData("u / (u + v)")]
    [InlineData("(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])")]
    [InlineData("(g[2] + g[4]) / (g[5] + g[4] + g[3] + g[2])")]
    [InlineData("(u + u) / (u + v + u)")]
    [InlineData("(softplus(w) + u) / ((u) + softplus(w) + v)")]
    [InlineData("(1 - (1 - s) ^ (1 / u)) ^ (1 / v)")]
    [InlineData("1.0 - s")]
    [InlineData("s * s")]
    [InlineData("sigmoid(w)")]
    public void Expressions_that_are_UnitInterval(string expression) =>
        Assert.Equal(UnitInterval, SupportOf(expression));

    [Theory]
    [InlineData("u / (u + w)")] // w is Real: not all terms positive
    [InlineData("(u + v) / (u + v)")] // not a strict sub-multiset
    [InlineData("(u + u) / (u + v)")] // u twice, only once below
    [InlineData("u / (v + g[1])")] // u is not a term below
    [InlineData("softplus(linear) / (softplus(linear) + u)")] // two different heads
    [InlineData("u / v")]
    [InlineData("2 - s")]
    [InlineData("u ^ s")]
    public void Expressions_that_are_not_UnitInterval(string expression) =>
        Assert.NotEqual(UnitInterval, SupportOf(expression));

    [Theory]
    [InlineData("u + v", Positive)]
    [InlineData("u - v", Real)]
    [InlineData("-u", Real)]
    [InlineData("u * w", Real)]
    [InlineData("u ^ w", Positive)]
    [InlineData("log(u)", Real)]
    public void Other_expressions(string expression, Support expected) => Assert.Equal(expected, SupportOf(expression));

    /// <summary>Binds <paramref name="expression"/> as a candidate next to draws u, v (Gamma), s (Uniform()), w (Normal) and g[1..5].</summary>
    private static Support SupportOf(string expression)
    {
        var text = $$"""
            cell C {
              draw u ~ Gamma(1)
              draw v ~ Gamma(2)
              draw s ~ Uniform()
              draw w ~ Normal()
              draw g[1..5] ~ Gamma(1)
              gate i = sigmoid(linear)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = {{expression}}
            }
            """;
        var compilation = BindingAssert.Compile(text);
        Assert.False(compilation.HasErrors, BindingAssert.Render(compilation.Diagnostics));
        var cell = Assert.Single(compilation.Model.Cells);
        return cell.Body.OfType<BoundCandidateStatement>().Single().Value.Support;
    }
}
