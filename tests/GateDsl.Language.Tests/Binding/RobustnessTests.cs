using GateDsl.Compiler;
using System.Text;
using GateDsl.Language.Imports;

namespace GateDsl.Language.Tests.Binding;

/// <summary>
/// The binder never throws and never reports an internal error, whatever tree the parser hands it:
/// the stdlib with lines deleted, swapped or truncated, random token soup, and very long chains.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string[] Tokens =
    {
        "cell", "distribution", "draw", "gate", "let", "const", "value", "prior", "weight", "evaluate", "candidate",
        "import", "\"cells.gate\"", "linear", "i", "f", "o", "g", "g[1..5]", "g[2]", "Gamma", "Beta", "BivariateBeta",
        "Uniform", "softplus", "sigmoid", "log", "(", ")", "{", "}", "[", "]", ",", "~", "=", "+", "-", "*", "/", "^",
        "0", "1", "0.5", "1e-3", ":", "Positive", "UnitInterval", "Real", "\n", "mode", "mean", "x", "(i, f)", "5..1",
    };

    public static IEnumerable<object[]> Mutants()
    {
        var random = new Random(20200207);
        foreach (var name in StandardLibrary.FileNames)
        {
            var lines = StandardLibrary.TryRead(name)!.Split('\n');
            for (var n = 0; n < 60; n++)
            {
                var copy = lines.ToList();
                var k = random.Next(copy.Count);
                switch (n % 3)
                {
                    case 0:
                        copy.RemoveAt(k);
                        break;
                    case 1:
                        var j = random.Next(copy.Count);
                        (copy[k], copy[j]) = (copy[j], copy[k]);
                        break;
                    default:
                        copy[k] = copy[k][..random.Next(copy[k].Length + 1)];
                        break;
                }

                yield return new object[] { name + "#" + n, string.Join('\n', copy) };
            }
        }

        for (var n = 0; n < 200; n++)
        {
            var soup = new StringBuilder();
            var length = random.Next(1, 60);
            for (var t = 0; t < length; t++)
            {
                soup.Append(Tokens[random.Next(Tokens.Length)]).Append(' ');
            }

            yield return new object[] { "soup#" + n, soup.ToString() };
        }
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Never_throws_and_keeps_spans_inside_the_file(string label, string text)
    {
        var compilation = Compilation.FromText(text, label);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "GATE9999");
        foreach (var d in compilation.Diagnostics)
        {
            Assert.InRange(d.Span.Start, 0, d.Source.Length);
            Assert.InRange(d.Span.End, d.Span.Start, d.Source.Length);
        }
    }

    [Fact]
    public void A_chain_at_the_operator_limit_binds()
    {
        // 1000 terms: 999 operators in the candidate, 1000 in gate i (the front end's limit).
        var terms = string.Join(" + ", Enumerable.Repeat("g", Syntax.SyntaxTree.MaxOperators));
        var text = $"cell C {{\n  draw g ~ Gamma(1)\n  candidate = {terms}\n  gate i = g / ({terms})\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n}}\n";
        var compilation = Compilation.FromText(text);
        Assert.True(compilation.Diagnostics.Count == 0, BindingAssert.Render(compilation.Diagnostics));
    }

    [Fact]
    public void Huge_families_do_not_overflow()
    {
        var text = "cell C {\n  draw g[1..2000000000] ~ Gamma(softplus(linear))\n  candidate = g[7]\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  prior g ~ Gamma(1)\n  prior g[5] ~ Gamma(1)\n}\n";
        var compilation = Compilation.FromText(text);
        Assert.Equal("GATE0505", Assert.Single(compilation.Diagnostics).Code);
        Assert.Equal(2_000_000_003, Assert.Single(compilation.Cells).HeadCount);
    }
}
