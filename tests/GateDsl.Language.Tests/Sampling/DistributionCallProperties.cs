using GateDsl.Compiler;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Language.Tests.Generators;

namespace GateDsl.Language.Tests.Sampling;

/// <summary>
/// No expression makes <see cref="Compilation.ForCall"/> throw or report an internal error;
/// every diagnostic lies inside its text; a result has a call exactly when it has no errors.
/// Random token sequences (the language's own tokens, mostly nonsense) and real calls cut anywhere.
/// </summary>
public sealed class DistributionCallProperties
{
    private const string Seed = "4242,1717";

    private static readonly string[] Calls =
    {
        "BivariateBeta(2, 3, 1.5)", "Beta(0.5, 1/2)", "Gamma(softplus(1) + 1e-3, 2)", "Kumaraswamy(2, 5)", "Uniform()",
    };

    [Property(MaxTest = 300, Replay = Seed, EndSize = 60)]
    public Property RandomTokenSequencesNeverBreakIt() =>
        Prop.ForAll(Arb.From(NoiseGen.TokenSequence), AssertSurvives);

    [Property(MaxTest = 300, Replay = Seed)]
    public Property RealCallsCutOrSplicedNeverBreakIt() =>
        Prop.ForAll(
            Arb.From(Gen.Elements(Calls).SelectMany(call => Gen.Choose(0, call.Length).SelectMany(cut => Gen.Elements(Calls).Select(other => call[..cut] + other[Math.Min(cut, other.Length)..])))),
            AssertSurvives);

    private static void AssertSurvives(string expression)
    {
        var result = Compilation.ForCall(expression);
        foreach (var d in result.Diagnostics)
        {
            Assert.NotEqual("GATE9999", d.Code);
            Assert.InRange(d.Span.Start, 0, d.Source.Length);
            Assert.InRange(d.Span.End, d.Span.Start, d.Source.Length);
        }

        Assert.Equal(result.HasErrors, result.Call is null);
    }
}
