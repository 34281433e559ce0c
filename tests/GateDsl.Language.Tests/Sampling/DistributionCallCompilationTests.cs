using GateDsl.Compiler;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Tests.Binding;

namespace GateDsl.Language.Tests.Sampling;

/// <summary>
/// A lone distribution call (the expression of <c>gatec sample</c>) bound against the standard
/// library and import files: what it resolves to, its folded arguments, and its diagnostics,
/// located in the expression's own columns.
/// </summary>
public sealed class DistributionCallCompilationTests
{
    [Fact]
    public void Stdlib_call_folds_constant_arguments()
    {
        var result = Compilation.ForCall("Beta(0.5, 1/2)");
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var beta = Assert.IsType<BoundDistribution>(result.Call?.Distribution);
        Assert.Equal("Beta", beta.Name);
        Assert.Equal(new[] { 0.5, 0.5 }, result.Call!.Arguments);
        Assert.Equal(1, result.Call!.ValueCount);
        Assert.Equal(new[] { Support.UnitInterval }, result.Call!.ValueSupports);
        Assert.True(result.Call!.IsStandardLibrary);
    }

    [Fact]
    public void Arithmetic_and_link_functions_of_literals_fold()
    {
        var result = Compilation.ForCall("  Gamma(2 * 3 - 1, softplus(0) + exp(0))  ");
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        Assert.Equal(5.0, result.Call!.Arguments[0]);
        Assert.Equal(Math.Log(2) + 1, result.Call!.Arguments[1], 12);
    }

    [Theory]
    [InlineData("Gamma(2)", "Gamma", new[] { 2.0, 1.0 })]
    [InlineData("Uniform()", "Uniform", new[] { 0.0, 1.0 })]
    [InlineData("Normal(1)", "Normal", new[] { 1.0, 1.0 })]
    [InlineData("Logistic()", "Logistic", new[] { 0.0, 1.0 })]
    [InlineData("Bernoulli(0.3)", "Bernoulli", new[] { 0.3 })]
    public void Primitives_get_their_defaults(string expression, string name, double[] arguments)
    {
        var result = Compilation.ForCall(expression);
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        var primitive = Assert.IsType<PrimitiveDistribution>(result.Call?.Distribution);
        Assert.Equal(name, primitive.Name);
        Assert.Equal(arguments, result.Call!.Arguments);
        Assert.Equal(1, result.Call!.ValueCount);
        Assert.True(result.Call!.IsStandardLibrary);
    }

    [Fact]
    public void Uniform_without_arguments_is_unit_interval()
    {
        Assert.Equal(new[] { Support.UnitInterval }, Compilation.ForCall("Uniform()").Call!.ValueSupports);
        Assert.Equal(new[] { Support.Real }, Compilation.ForCall("Uniform(-1, 1)").Call!.ValueSupports);
    }

    [Theory]
    [InlineData("BivariateBeta(2, 3, 1.5)", 2)]
    [InlineData("BivariateBeta5(1, 1, 1, 1, 1)", 2)]
    public void Joint_laws_have_one_value_per_component(string expression, int count)
    {
        var result = Compilation.ForCall(expression);
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        Assert.Equal(count, result.Call!.ValueCount);
        Assert.All(result.Call!.ValueSupports, s => Assert.Equal(Support.UnitInterval, s));
        Assert.True(result.Call!.IsStandardLibrary);
    }

    [Fact]
    public void User_distribution_from_an_import_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("laws.gate", UserLaws);
        var result = Compilation.ForCall("Dirichlet3(1, 2, k)", new[] { path });
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        Assert.Empty(result.Diagnostics); // k is used by the call, so it is not reported as unused
        var law = Assert.IsType<BoundDistribution>(result.Call?.Distribution);
        Assert.Equal("Dirichlet3", law.Name);
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, result.Call!.Arguments);
        Assert.Equal(2, result.Call!.ValueCount);
        Assert.False(result.Call!.IsStandardLibrary);
    }

    [Fact]
    public void The_repository_example_imports()
    {
        var example = Path.Combine(RepoRoot(), "examples", "correlated_gates.gate");
        var result = Compilation.ForCall("Dirichlet3(1, 2, 3)", new[] { example });
        Assert.False(result.HasErrors, BindingAssert.Render(result.Diagnostics));
        Assert.Equal(2, result.Call!.ValueCount);
        Assert.False(result.Call!.IsStandardLibrary);

        // Standard names stay standard when an import file also imports the standard library.
        var beta = Compilation.ForCall("Beta(2, 3)", new[] { example });
        Assert.False(beta.HasErrors, BindingAssert.Render(beta.Diagnostics));
        Assert.True(beta.Call!.IsStandardLibrary);
    }

    [Fact]
    public void A_user_file_redefining_a_standard_name_clashes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mine.gate", "distribution Beta(a: Positive, b: Positive) {\n  draw u ~ Uniform()\n  value u\n}\n");
        var result = Compilation.ForCall("Beta(1, 1)", new[] { path });
        Assert.True(result.HasErrors);
        var clash = Assert.Single(result.Diagnostics, d => d.Code == "GATE0202");
        Assert.EndsWith("mine.gate", clash.Source.Path);
        Assert.Null(result.Call);
    }

    [Fact]
    public void Syntax_error_points_into_the_expression()
    {
        var result = Compilation.ForCall("Beta(2,, 3)");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("GATE0001", error.Code);
        Assert.Equal(StandaloneCall.ExpressionPath, error.Source.Path);
        Assert.Equal((1, 8), (error.Start.Line, error.Start.Column));
        Assert.Null(result.Call);
    }

    [Theory]
    [InlineData("Beta(2, 3) + 1", 12, "end of file")]
    [InlineData("", 1, "a name")]
    [InlineData("draw x ~ Beta(2, 3)", 1, "a name")]
    public void Anything_but_one_call_is_a_syntax_error(string expression, int column, string expected)
    {
        var result = Compilation.ForCall(expression);
        var error = result.Diagnostics[0];
        Assert.Equal("GATE0001", error.Code);
        Assert.Equal(column, error.Start.Column);
        Assert.EndsWith("expected " + expected, error.Message);
    }

    [Fact]
    public void Unknown_name_gets_a_suggestion()
    {
        var result = Compilation.ForCall("Bta(2, 3)");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("GATE0203", error.Code);
        Assert.Equal("unknown distribution 'Bta': did you mean 'Beta'?", error.Message);
        Assert.Equal((1, 1), (error.Start.Line, error.Start.Column));
        Assert.Equal(3, error.Span.Length);
    }

    [Fact]
    public void Unknown_name_suggests_imported_distributions()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("laws.gate", UserLaws);
        var diagnostics = Compilation.ForCall("Dirichlet(1, 2, 3)", new[] { path }).Diagnostics;
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("GATE0203", error.Code);
        Assert.Contains("'Dirichlet3'", error.Message);
    }

    [Fact]
    public void Learned_head_is_not_a_constant()
    {
        var error = Assert.Single(Compilation.ForCall("Beta(linear, 1)").Diagnostics);
        Assert.Equal("GATE0305", error.Code);
        Assert.Equal("an argument of the sampled distribution must be a constant, but it depends on `linear`", error.Message);
        Assert.Equal((1, 6), (error.Start.Line, error.Start.Column));
        Assert.Equal(6, error.Span.Length);
    }

    [Fact]
    public void Undefined_argument_name_is_reported_where_written()
    {
        var error = Assert.Single(Compilation.ForCall("Beta(2, x)").Diagnostics);
        Assert.Equal("GATE0201", error.Code);
        Assert.Equal((1, 9), (error.Start.Line, error.Start.Column));
    }

    [Fact]
    public void Wrong_arity()
    {
        var error = Assert.Single(Compilation.ForCall("BivariateBeta(2, 3)").Diagnostics);
        Assert.Equal("GATE0303", error.Code);
        Assert.Equal("BivariateBeta takes 3 arguments, but 2 given", error.Message);
        Assert.Equal((1, 1), (error.Start.Line, error.Start.Column));
        Assert.Equal("BivariateBeta(2, 3)".Length, error.Span.Length);
    }

    [Theory]
    [InlineData("Beta(2, -1)", 9)]
    [InlineData("Beta(0, 1)", 6)]
    [InlineData("Gamma(1, 0 - 2)", 10)]
    [InlineData("Bernoulli(1.5)", 11)]
    public void Argument_outside_support(string expression, int column)
    {
        var error = Assert.Single(Compilation.ForCall(expression).Diagnostics);
        Assert.Equal("GATE0301", error.Code);
        Assert.Equal((1, column), (error.Start.Line, error.Start.Column));
    }

    [Fact]
    public void Constant_arguments_are_checked_by_value()
    {
        var error = Assert.Single(Compilation.ForCall("Gamma(1, 0 - 2)").Diagnostics);
        Assert.Equal("the Gamma rate must be Positive, but this is -2", error.Message);
        Assert.Equal(5, error.Span.Length);
    }

    [Fact]
    public void Overflowing_constant_is_reported()
    {
        var error = Assert.Single(Compilation.ForCall("Gamma(10 ^ 400)").Diagnostics);
        Assert.Equal("GATE0007", error.Code);
        Assert.Equal((1, 7), (error.Start.Line, error.Start.Column));
    }

    [Fact]
    public void Missing_import_file_is_a_diagnostic()
    {
        using var dir = new TempDirectory();
        var result = Compilation.ForCall("Beta(1, 1)", new[] { Path.Combine(dir.Path, "nope.gate") });
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("GATE0105", error.Code);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Errors_in_an_import_file_point_into_it()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.gate", "import \"distributions.gate\"\ndistribution Half(a: Positive) {\n  draw b ~ Beta(a, -a)\n  value b\n}\n");
        var result = Compilation.ForCall("Half(1)", new[] { path });
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("GATE0301", error.Code);
        Assert.EndsWith("bad.gate", error.Source.Path);
        Assert.Equal((3, 20), (error.Start.Line, error.Start.Column));
    }

    [Theory]
    [InlineData("(")]
    [InlineData(")))")]
    [InlineData("Beta(")]
    [InlineData("Beta(2, 3")]
    [InlineData("Beta(2, 3))")]
    [InlineData("Beta((2, 3))")]
    [InlineData("Beta(g[1], 3)")]
    [InlineData("Beta(sigmoid, 3)")]
    [InlineData("sigmoid(1)")]
    [InlineData("Beta(Gamma(1), 2)")]
    [InlineData("Beta(1 / 0, 2)")]
    [InlineData("\"Beta\"(1, 2)")]
    [InlineData("Beta(2, 3) // comment")]
    [InlineData("Beta(2, 3)\n\n")]
    [InlineData("/* unterminated")]
    [InlineData("Beta(1, 1) Beta(1, 1)")]
    public void Bad_or_odd_input_never_throws_and_spans_stay_inside(string expression)
    {
        var result = Compilation.ForCall(expression);
        foreach (var d in result.Diagnostics)
        {
            Assert.NotEqual("GATE9999", d.Code);
            Assert.InRange(d.Span.End, 0, d.Source.Length);
        }

        Assert.Equal(result.HasErrors, result.Call is null);
    }

    [Fact]
    public void Deep_nesting_is_rejected_without_throwing()
    {
        var expression = "Beta(" + new string('(', 500) + "1" + new string(')', 500) + ", 1)";
        var error = Assert.Single(Compilation.ForCall(expression).Diagnostics);
        Assert.Equal("GATE0008", error.Code);
    }

    private const string UserLaws =
        "import \"distributions.gate\"\n" +
        "const k = 3\n" +
        "distribution Dirichlet3(a: Positive, b: Positive, c: Positive) {\n" +
        "  draw u ~ Gamma(a)\n  draw v ~ Gamma(b)\n  draw w ~ Gamma(c)\n" +
        "  value (u / (u + v + w), v / (u + v + w))\n" +
        "}\n";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GateDsl.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GateDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
