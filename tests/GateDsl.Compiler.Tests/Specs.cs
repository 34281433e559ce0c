using GateDsl.Language;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Tests;

/// <summary>Distributions written in the language, compiled once for the tests.</summary>
internal static class Specs
{
    /// <summary>
    /// User laws that exercise every statement the evaluator runs: const, let, families, nested user
    /// distributions, tuple binders of joint laws, defaults, and scalar and tuple values.
    /// </summary>
    public const string UserLaws = """
        import "distributions.gate"

        const two = 2

        // The first two coordinates of a Dirichlet(a, b, c), as in examples/correlated_gates.gate.
        distribution Dirichlet3(a: Positive, b: Positive, c: Positive) {
          draw u ~ Gamma(a)
          draw v ~ Gamma(b)
          draw w ~ Gamma(c)
          value (u / (u + v + w), v / (u + v + w))
        }

        // Half the sum of three Gamma(a, rate) draws: Gamma(3a, 2 rate), mean 1.5 a / rate.
        distribution HalfSum(a: Positive, rate: Positive = 1) {
          const half = 0.5
          draw g[1..3] ~ Gamma(a, rate)
          let s = g[1] + g[2] + g[3]
          value s * half
        }

        // Scale and shift: mean a s + 1, so d mean / d s = mean of the Gamma draws, exactly.
        distribution Scaled(a: Positive, s: Positive) {
          draw g ~ Gamma(a)
          let h = g * s
          value h + 1
        }

        // A nested joint law through a tuple binder, its components swapped: (Y, X) with
        // Y ~ Beta(b, c) and X ~ Beta(a, c).
        distribution Swapped(a: Positive, b: Positive, c: Positive) {
          draw (x, y) ~ BivariateBeta(a, b, c)
          value (y, x)
        }

        // A nested user law inside a user law: 2 * HalfSum = Gamma(3a, 1), mean 3a.
        distribution Doubled(a: Positive) {
          draw h ~ HalfSum(a)
          value h * two
        }

        // Location-scale primitives with arguments: (z - m)^2 / sd^2 is chi-square(1).
        distribution ChiSquare1(m: Real, sd: Positive) {
          draw z ~ Normal(m, sd)
          let e = (z - m) / sd
          value e * e
        }

        // Link functions on a uniform: -log(u) is Exponential(1); tanh and sigmoid keep it bounded.
        distribution Links(k: Positive) {
          draw u ~ Uniform()
          let e = -log(u)
          value (e * k, sigmoid(tanh(e) - tanh(e)), exp(log(u)) + softplus(0) - log(2))
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => Compilation.FromText(UserLaws, "user_laws.gate"));

    /// <summary>A distribution of the stdlib or of <see cref="UserLaws"/>, by name; fails the test on any diagnostic.</summary>
    public static BoundDistribution Get(string name)
    {
        var compilation = Compiled.Value;
        Assert.True(compilation.Diagnostics.Count == 0, string.Join("\n", compilation.Diagnostics));
        return Assert.Single(compilation.Model.Distributions, d => d.Name == name);
    }

    /// <summary>A call compiled the way <c>gatec sample</c> compiles it; fails the test on errors.</summary>
    public static StandaloneCall Call(string expression)
    {
        var compilation = Compilation.ForCall(expression);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Call!;
    }
}
