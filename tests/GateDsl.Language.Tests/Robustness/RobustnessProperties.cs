using GateDsl.Compiler;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Language.Syntax;
using GateDsl.Language.Tests.Generators;

namespace GateDsl.Language.Tests.Robustness;

/// <summary>
/// No input makes the front end throw, and every diagnostic lies inside its file: random text,
/// random token sequences, and the stdlib specs mutated line by line or cut anywhere. Each case
/// runs <see cref="FrontEndChecks.AssertSurvives"/>; fixed seeds keep runs reproducible.
/// </summary>
public sealed class RobustnessProperties
{
    private const string Seed = "31337,4243";

    [Property(MaxTest = 1000, Replay = Seed, EndSize = 200)]
    public Property RandomTextNeverBreaksTheFrontEnd() =>
        Prop.ForAll(Arb.From(NoiseGen.RandomText), text => { FrontEndChecks.AssertSurvives(text); });

    [Property(MaxTest = 1000, Replay = Seed, EndSize = 200)]
    public Property RandomTokenSequencesNeverBreakTheFrontEnd() =>
        Prop.ForAll(Arb.From(NoiseGen.TokenSequence), text => { FrontEndChecks.AssertSurvives(text); });

    [Property(MaxTest = 600, Replay = Seed, EndSize = 200)]
    public Property TokensInsideRealItemsNeverBreakTheFrontEnd() =>
        Prop.ForAll(Arb.From(NoiseGen.ItemPrefixedTokens), text => { FrontEndChecks.AssertSurvives(text); });

    [Property(MaxTest = 800, Replay = Seed)]
    public Property MutatedStdlibFilesNeverBreakTheFrontEnd() =>
        Prop.ForAll(Arb.From(StdlibMutationGen.Mutation), mutation =>
        {
            var tree = FrontEndChecks.AssertSurvives(mutation.Text);
            var original = SyntaxTree.Parse(mutation.Original, "original.gate");

            // Only what is true of every mutation: removing a blank or comment-only line changes
            // nothing; cutting a declaration short always leaves its `}` missing.
            if (mutation.Kind == MutationKind.DeleteLine && IsBlankOrComment(mutation.Original.Split('\n')[mutation.Line]))
            {
                Assert.False(tree.HasErrors);
                Assert.Equal(SyntaxDumper.Dump(original.Root), SyntaxDumper.Dump(tree.Root));
            }

            if (mutation.Kind == MutationKind.Truncate
                && original.Root.Items.Any(item => item is CellDecl or DistributionDecl && item.Span.Start < mutation.Offset && mutation.Offset < item.Span.End))
            {
                Assert.True(tree.HasErrors, "a declaration cut before its `}` is a syntax error");
            }

            if (mutation.Text == mutation.Original)
            {
                Assert.False(tree.HasErrors, "an unchanged stdlib file parses cleanly");
            }
        });

    [Theory]
    [InlineData("distributions.gate")]
    [InlineData("cells.gate")]
    public void UnchangedStdlibFilesCheckWithoutErrors(string name)
    {
        var compilation = Compilation.FromText(StdlibSources.Read(name), name);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("const c = ", "-", "x")]
    [InlineData("const c = x", " ^ x", "")]
    [InlineData("const c = x", " + x", "")]
    [InlineData("const c = x", " * x", "")]
    public void OperatorChainsUpToTheLimitParse(string prefix, string unit, string suffix)
    {
        var tree = FrontEndChecks.AssertSurvives(prefix + NoiseGen.Repeat(unit, SyntaxTree.MaxOperators) + suffix);
        Assert.False(tree.HasErrors);
    }

    [Theory]
    [InlineData("const c = ", "(", "")]
    [InlineData("cell X { gate i = ", "f(", "")]
    public void DeepBracketsSurvive(string prefix, string unit, string suffix)
    {
        var tree = FrontEndChecks.AssertSurvives(prefix + NoiseGen.Repeat(unit, 2000) + suffix);
        Assert.True(tree.HasErrors);
    }

    [Theory]
    [InlineData("const c = ", "-", "x")]
    [InlineData("const c = x", " ^ x", "")]
    [InlineData("const c = x", " + x", "")]
    public void ChainsPastTheLimitAreOneDiagnosticNotAStackOverflow(string prefix, string unit, string suffix)
    {
        // 20000 operators overflowed the stack before the operator guard existed.
        var tree = FrontEndChecks.AssertSurvives(prefix + NoiseGen.Repeat(unit, 20000) + suffix);
        Assert.Equal("GATE0009", Assert.Single(tree.Diagnostics).Code);
    }

    private static bool IsBlankOrComment(string line) =>
        line.Trim().Length == 0 || line.TrimStart().StartsWith("//", StringComparison.Ordinal);
}
