using GateDsl.Language.Diagnostics;

namespace GateDsl.Language.Tests.Binding;

/// <summary>
/// Structural assertions (code, 1-based line and column, and a fragment of the message) for the
/// binder's diagnostics. Each snippet is a file named test.gate; line 1 is its first line.
/// </summary>
public sealed class DiagnosticsTests
{
    /// <summary>The three gates and candidate of a valid cell, to complete snippets.</summary>
    private const string Gates = "  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        // names (02xx)
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = gg\n" + Gates[..^27] + "}", "GATE0201", 3, 15, "did you mean 'g'?" },
        { "cell C {\n  draw g ~ Gamma(1)\n  draw g ~ Gamma(2)\n" + Gates + "}", "GATE0202", 3, 8, "draw 'g' is already defined at line 2" },
        { "distribution Beta(a: Positive) {\n  value 0.5\n}\n", "GATE0202", 1, 14, "distribution 'Beta' is already defined at stdlib/distributions.gate" },
        { "cell C {\n  draw g ~ Gama(1)\n" + Gates + "}", "GATE0203", 2, 12, "did you mean 'Gamma'?" },
        { "cell C {\n  gate i = sigmoid(softpls(linear))\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}", "GATE0204", 2, 20, "did you mean 'softplus'?" },
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g[1]\n" + Gates[..^27] + "}", "GATE0205", 3, 15, "'g' is not an indexed family" },
        { "cell C {\n  draw g[1..5] ~ Gamma(1)\n  candidate = g[6]\n" + Gates[..^27] + "}", "GATE0206", 3, 17, "index 6 is outside g[1..5]" },
        { "cell C {\n  draw g[1..5] ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "}", "GATE0207", 3, 15, "pick one member, e.g. g[1]" },
        { "cell C {\n  draw g[5..1] ~ Gamma(1)\n" + Gates + "}", "GATE0208", 2, 10, "the range 5..1 is empty" },
        { "distribution Gamma(a: Positive) {\n  value a\n}\n", "GATE0209", 1, 14, "'Gamma' is a primitive distribution" },
        { "const exp = 2\n", "GATE0209", 1, 7, "'exp' is a built-in function" },
        { "cell C {\n  candidate = Beta\n" + Gates[..^27] + "}", "GATE0210", 2, 15, "'Beta' is a distribution, not a value" },
        { "cell C {\n  candidate = Beta(1, 2)\n" + Gates[..^27] + "}", "GATE0210", 2, 15, "not a function" },
        { "cell C {\n  candidate = h\n  let h = tanh(linear)\n" + Gates[..^27] + "}", "GATE0211", 2, 15, "'h' is used before its definition at line 3" },
        { "distribution A(x: Positive) {\n  draw b ~ B(x)\n  value b\n}\ndistribution B(x: Positive) {\n  draw a ~ A(x)\n  value a\n}\n", "GATE0212", 6, 12, "A -> B -> A" },
        { "const a = b\nconst b = a\n", "GATE0213", 1, 7, "a -> b -> a" },

        // supports and arity (03xx)
        { "cell C {\n  draw g ~ Gamma(linear)\n  candidate = g\n" + Gates[..^27] + "}", "GATE0301", 2, 18, "the Gamma shape must be Positive, but this is Real: wrap it in softplus(...)" },
        { "cell C {\n  gate (i, f) ~ BivariateBeta(1, linear, 1)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}", "GATE0301", 2, 34, "BivariateBeta's parameter 'b' must be Positive" },
        { "cell C {\n  candidate = log(linear)\n" + Gates[..^27] + "}", "GATE0301", 2, 19, "the argument of log must be Positive" },
        { "cell C {\n  gate i = linear\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}", "GATE0302", 2, 12, "gate i must be UnitInterval, but this is Real: wrap it in sigmoid(...)" },
        { "cell C {\n  gate i = softplus(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}", "GATE0302", 2, 12, "divide it by a larger sum" },
        { "cell C {\n  draw g ~ Gamma(1, 2, 3)\n  candidate = g\n" + Gates[..^27] + "}", "GATE0303", 2, 12, "Gamma takes 1 to 2 arguments, but 3 given" },
        { "cell C {\n  candidate = tanh(linear, linear)\n" + Gates[..^27] + "}", "GATE0303", 2, 15, "tanh takes 1 argument, but 2 given" },
        { "cell C {\n  draw (a, b, c) ~ BivariateBeta(1, 1, 1)\n" + Gates + "}", "GATE0304", 2, 8, "BivariateBeta has 2 values, but 3 names bound here" },
        { "const k = linear\n", "GATE0305", 1, 11, "the constant 'k' must be a constant, but it depends on `linear`" },
        { "distribution D(a: Positive = -1) {\n  value a\n}\n", "GATE0306", 1, 30, "the default -1 of 'a' is not Positive" },
        { "distribution D(a: Postive) {\n  value 0.5\n}\n", "GATE0307", 1, 19, "did you mean 'Positive'?" },
        { "cell C {\n  candidate = linear / (1 - 1)\n" + Gates[..^27] + "}", "GATE0308", 2, 25, "division by the constant zero in linear / (1 - 1)" },
        { "cell C {\n  candidate = (linear, linear)\n" + Gates[..^27] + "}", "GATE0309", 2, 15, "only allowed as the value of a joint distribution" },
        { "cell C {\n  draw b ~ BivariateBeta(1, 1, 1)\n" + Gates + "}", "GATE0310", 2, 8, "BivariateBeta is a joint distribution of 2 values: bind them as a tuple, e.g. (b1, b2)" },
        { "cell C {\n  candidate = linear ^ 2\n" + Gates[..^27] + "}", "GATE0311", 2, 15, "the base of ^ must be Positive, but this is Real: wrap it in softplus(...)" },

        // structure (04xx)
        { "cell C {\n  gate i = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}", "GATE0401", 1, 6, "cell C does not define gate f" },
        { "cell C {\n  gate i = sigmoid(linear)\n" + Gates + "}", "GATE0402", 3, 8, "gate i is already defined at line 2" },
        { "cell C {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n}", "GATE0403", 1, 6, "cell C does not define its candidate" },
        { "cell C {\n" + Gates + "  candidate = tanh(linear)\n}", "GATE0404", 6, 3, "the candidate is already defined at line 5" },
        { "cell C {\n  gate in = sigmoid(linear)\n" + Gates + "}", "GATE0405", 2, 8, "did you mean 'i'?" },
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "  evaluate mean\n  evaluate sample\n}", "GATE0406", 8, 3, "already given at line 7" },
        { "distribution D(a: Positive) {\n  value sigmoid(linear) * a\n}\n", "GATE0407", 2, 17, "only allowed in a cell" },
        { "cell C {\n  gate i ~ Kumaraswamy(2, 3)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n  evaluate mode\n}", "GATE0408", 6, 3, "but Uniform (draw i.u) has none" },
        { "distribution D(a: Positive) {\n  draw u ~ Gamma(a)\n}\n", "GATE0409", 1, 14, "distribution D has no `value` statement" },
        { "distribution D(a: Positive) {\n  value a\n  value a\n}\n", "GATE0410", 3, 3, "already given at line 2" },
        { "distribution D(a: Positive) {\n  gate i = 0.5\n  value a\n}\n", "GATE0411", 2, 3, "`gate` is only allowed in a cell" },
        { "cell C {\n" + Gates + "  value 0.5\n}", "GATE0411", 6, 3, "`value` is only allowed in a distribution" },
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "  evaluate maen\n}", "GATE0412", 7, 12, "did you mean 'mean'?" },
        { "cell C(p: UnitInterval) {\n  candidate = p\n" + Gates[..^27] + "}", "GATE0413", 1, 8, "cell parameter 'p' needs a value" },

        // priors (05xx)
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "  prior gg ~ Gamma(1) weight 1\n}", "GATE0501", 7, 9, "'gg' is not defined: did you mean 'g'?" },
        { "cell C {\n  gate i ~ Beta(1, 2)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n  prior i ~ Gamma(0.5) weight 1\n}", "GATE0502", 6, 13, "'i' is UnitInterval, but the prior Gamma is over Positive" },
        { "cell C {\n" + Gates + "  prior o ~ Beta(1, 1)\n}", "GATE0503", 6, 9, "'o' is a deterministic gate, not random" },
        { "cell C {\n" + Gates + "  prior eps ~ Gamma(1)\n}\nconst eps = 0.1\n", "GATE0503", 6, 9, "'eps' is a constant" },
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "  prior g ~ Gamma(1) weight 0\n}", "GATE0504", 7, 29, "a prior weight must be a positive constant, but it is 0" },
        { "cell C {\n  draw g[1..5] ~ Gamma(1)\n  candidate = g[1] + g[2] + g[3] + g[4] + g[5]\n" + Gates[..^27] + "  prior g ~ Gamma(1)\n  prior g[2] ~ Gamma(2)\n}", "GATE0505", 8, 9, "'g[2]' already has a prior at line 7" },
        { "cell C {\n  gate (i, f) ~ BivariateBeta(1, 1, 1)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n  prior i ~ Beta(1, 1)\n}", "GATE0506", 5, 9, "'i' is one value of the joint BivariateBeta" },
        { "cell C {\n  draw g ~ Gamma(1)\n  candidate = g\n" + Gates[..^27] + "  prior g ~ Gamma(linear)\n}", "GATE0305", 7, 19, "an argument of the prior Gamma must be a constant, but it depends on `linear`" },

        // warnings (09xx)
        { "cell C {\n  draw g ~ Gamma(1)\n" + Gates + "}", "GATE0901", 2, 8, "draw 'g' is never used" },
        { "const unused = 2\ncell C {\n" + Gates + "}", "GATE0902", 1, 7, "constant 'unused' is never used" },
        { "cell C {\n  let h = tanh(linear)\n" + Gates + "}", "GATE0903", 2, 7, "'h' is never used" },
        { "distribution D(a: Positive, b: Positive) {\n  draw u ~ Gamma(a)\n  value u / (u + 1)\n}\n", "GATE0904", 1, 29, "parameter 'b' is never used" },
        { "cell C {\n" + Gates + "  evaluate sample\n}", "GATE0905", 6, 3, "cell C has no draws" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports(string body, string code, int line, int column, string fragment)
    {
        var diagnostic = BindingAssert.Has(body + "\n" + BindingAssert.Prelude, code, line, column);
        Assert.Contains(fragment, diagnostic.Message);
    }

    [Fact]
    public void Every_binder_code_is_in_the_catalogue_with_a_unique_code()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var code in new[] { "GATE0105", "GATE0213", "GATE0413" })
        {
            Assert.Contains(code, codes);
        }
    }

    /// <summary>A file without cells is a library for importers: its unused constants are not warned about (issue 10).</summary>
    [Fact]
    public void A_constant_of_a_file_without_cells_is_not_warned_as_unused() =>
        BindingAssert.Clean(BindingAssert.Prelude + "const eps = 1e-3\n");

    [Fact]
    public void A_valid_cell_has_no_diagnostics() => BindingAssert.Clean(BindingAssert.Prelude + "cell C {\n" + Gates + "}\n");

    [Fact]
    public void A_standard_library_distribution_used_without_its_import_names_the_import()
    {
        // No prelude: nothing is imported.
        var asFunction = Assert.Single(BindingAssert.Diagnostics("cell C {\n  gate i = Beta(1, 1)\n" + Gates[27..] + "}"), d => d.Code == "GATE0204");
        Assert.Contains("add `import \"distributions.gate\"`", asFunction.Message);
        var asDraw = Assert.Single(BindingAssert.Diagnostics("cell C {\n  draw k ~ Kumaraswamy(1, 2)\n  candidate = k\n" + Gates[..^27] + "}"), d => d.Code == "GATE0203");
        Assert.Contains("Kumaraswamy is a distribution of the standard library: add `import \"distributions.gate\"`", asDraw.Message);
    }

    [Fact]
    public void One_mistake_is_reported_once()
    {
        // The undefined name stands in as an error expression, which fits every later check.
        var diagnostics = BindingAssert.Diagnostics("cell C {\n  gate i = nope\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}");
        Assert.Equal("GATE0201", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_prior_alone_does_not_use_a_draw()
    {
        var text = "cell C {\n  draw g ~ Gamma(1)\n" + Gates + "  prior g ~ Gamma(0.5) weight 1e-3\n}";
        var diagnostic = Assert.Single(BindingAssert.Diagnostics(text));
        Assert.Equal("GATE0901", diagnostic.Code);
    }
}
