using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;
using GateDsl.Language.Tests.Generators;

namespace GateDsl.Language.Tests.Formatting;

/// <summary>Anchors of the canonical layout; the generated-spec properties live in FormatterProperties.</summary>
public sealed class GateFormatterTests
{
    private static string Format(string text) => GateFormatter.Format(SyntaxTree.Parse(text, "test.gate"));

    [Theory]
    [InlineData("distributions.gate")]
    [InlineData("cells.gate")]
    public void StdlibFilesAreAlreadyCanonical(string name)
    {
        var text = StdlibSources.Read(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(text, Format(text));
    }

    [Fact]
    public void MessySpacingBecomesCanonical()
    {
        const string messy =
            "import   \"distributions.gate\"\n" +
            "const  eps=1e-3\n" +
            "cell  X(  ){gate i=sigmoid( linear )\n" +
            "gate f =1-i;gate o=sigmoid(linear) ; candidate=tanh(linear)\n" +
            "draw g[ 1 .. 5 ]~Gamma(softplus(linear)+eps)\n" +
            "prior g[1..5]~Gamma(0.5,1)weight 1e-3\n" +
            "prior g [ 2 ] ~ Gamma(.5, 2.5E+2)\n" +
            "evaluate   mean}\n" +
            "distribution D(a:Positive,b :Positive=2){draw (u,v)~J(a,b) let w=-u^(a*(b-1)) value(u/(u+w),-  -v)}";
        const string expected =
            "import \"distributions.gate\"\n" +
            "\n" +
            "const eps = 1e-3\n" +
            "\n" +
            "cell X {\n" +
            "  gate i = sigmoid(linear)\n" +
            "  gate f = 1 - i\n" +
            "  gate o = sigmoid(linear)\n" +
            "  candidate = tanh(linear)\n" +
            "  draw g[1..5] ~ Gamma(softplus(linear) + eps)\n" +
            "  prior g[1..5] ~ Gamma(0.5, 1) weight 1e-3\n" +
            "  prior g[2] ~ Gamma(.5, 2.5E+2)\n" +
            "  evaluate mean\n" +
            "}\n" +
            "\n" +
            "distribution D(a: Positive, b: Positive = 2) {\n" +
            "  draw (u, v) ~ J(a, b)\n" +
            "  let w = -u ^ (a * (b - 1))\n" +
            "  value (u / (u + w), - -v)\n" +
            "}\n";
        Assert.Equal(expected, Format(messy));
    }

    [Fact]
    public void CommentsStayWhereTheyBelong()
    {
        const string source =
            "// file header\n" +
            "\n" +
            "// about X\n" +
            "cell X /* header inner */ { // after the brace\n" +
            "    // before i\n" +
            "  gate i = /* inside */ sigmoid(linear) // after i\n" +
            "\n" +
            "  gate f = 1 - i /* a */ /* b */\n" +
            "  // before the closing brace\n" +
            "\n" +
            "} // after the cell\n" +
            "// end of file\n";
        const string expected =
            "// file header\n" +
            "\n" +
            "// about X\n" +
            "/* header inner */\n" +
            "cell X { // after the brace\n" +
            "  // before i\n" +
            "  /* inside */\n" +
            "  gate i = sigmoid(linear) // after i\n" +
            "\n" +
            "  gate f = 1 - i /* a */ /* b */\n" +
            "  // before the closing brace\n" +
            "} // after the cell\n" +
            "// end of file\n";
        var formatted = Format(source);
        Assert.Equal(expected, formatted);
        Assert.Equal(formatted, Format(formatted));
    }

    [Fact]
    public void ImportsAndConstsStayGroupedUnlessTheUserSplitThem()
    {
        const string source =
            "import \"a.gate\"\nimport \"b.gate\"\nconst x = 1\nconst y = 2\n\n\n\nconst z = 3\ncell E {}\ncell F {}\n";
        const string expected =
            "import \"a.gate\"\nimport \"b.gate\"\n\nconst x = 1\nconst y = 2\n\nconst z = 3\n\ncell E {}\n\ncell F {}\n";
        Assert.Equal(expected, Format(source));
    }

    [Fact]
    public void DropsBlankLinesAfterTheOpeningAndBeforeTheClosingBrace()
    {
        Assert.Equal("cell X {\n  gate i = a\n\n  gate f = b\n}\n", Format("cell X {\n\n  gate i = a\n\n\n  gate f = b\n\n}"));
    }

    [Fact]
    public void WritesLfLineEndingsAndAFinalNewline()
    {
        var formatted = Format("cell X {\r\n  gate i = sigmoid(linear)\r\n}");
        Assert.Equal("cell X {\n  gate i = sigmoid(linear)\n}\n", formatted);
    }

    [Fact]
    public void AnEmptyFileStaysEmptyAndACommentOnlyFileKeepsItsComments()
    {
        Assert.Equal(string.Empty, Format("  \n\n"));
        Assert.Equal("// only\n\n/* me */\n", Format("\n// only   \n\n\n/* me */"));
    }

    [Theory]
    [InlineData("cell X { gate i = }")]
    [InlineData("cell X { gate i = sigmoid(linear)")]
    [InlineData("cell X { gate i = 1 # 2 }")]
    [InlineData("/* never closed")]
    public void RefusesFilesWithSyntaxErrors(string broken)
    {
        var tree = SyntaxTree.Parse(broken, "broken.gate");
        var error = Assert.Throws<InvalidOperationException>(() => GateFormatter.Format(tree));
        Assert.Contains("broken.gate", error.Message, StringComparison.Ordinal);
        Assert.False(GateFormatter.TryFormat(tree, out var formatted));
        Assert.Null(formatted);
    }

    [Fact]
    public void TryFormatSucceedsOnValidFiles()
    {
        Assert.True(GateFormatter.TryFormat(SyntaxTree.Parse("cell X{}"), out var formatted));
        Assert.Equal("cell X {}\n", formatted);
    }

    [Theory]
    [InlineData("(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])")]
    [InlineData("(1 - (1 - u) ^ (1 / b)) ^ (1 / a)")]
    [InlineData("softplus(linear) + 1e-3")]
    [InlineData("-x ^ 2 * - -y")]
    [InlineData("((a))")]
    public void FormatExpressionPrintsTheTreeAsWritten(string expression)
    {
        var tree = SyntaxTree.Parse($"const c = {expression}");
        var constant = Assert.IsType<ConstItem>(Assert.Single(tree.Root.Items));
        Assert.Equal(expression, GateFormatter.FormatExpression(constant.Value));
    }
}
