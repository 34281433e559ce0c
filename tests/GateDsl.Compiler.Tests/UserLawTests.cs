using GateDsl.Distributions;
using GateDsl.Language;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests;

/// <summary>
/// User distributions (what <c>gatec sample --import</c> samples) against laws known in closed
/// form. Each moment check fails a correct evaluator with probability 5e-10 (see <see cref="Moments"/>).
/// </summary>
public sealed class UserLawTests
{
    // Derived: every check resolves 0.0128 per-draw standard deviations (the resolution the former
    // n = 200,000 had at Z = 5.73), so n = (6.22 / 0.0128)^2 = 236,136 at 5e-10.
    private static readonly long N = Moments.SampleSize(0.0128);

    [Fact]
    public void Dirichlet3_from_the_repository_example_has_Dirichlet_moments()
    {
        var example = Path.Combine(RepoRoot(), "examples", "correlated_gates.gate");
        var compilation = Compilation.ForCall("Dirichlet3(1, 2, 3)", new[] { example });
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var call = compilation.Call!;
        Assert.False(call.IsStandardLibrary);
        var xy = DistributionEvaluator.Seeded(61).Sample(call, N).Select(Moments.Values).ToArray();

        // Dirichlet(1, 2, 3): E[X_i] = a_i / a0, Var = a_i (a0 - a_i) / (a0^2 (a0 + 1)),
        // corr(X_1, X_2) = -sqrt(a1 a2 / ((a0 - a1)(a0 - a2))).
        const double a0 = 6;
        Moments.AssertLaw(xy[0], 1 / a0, 1 * (a0 - 1) / (a0 * a0 * (a0 + 1)), "X1");
        Moments.AssertLaw(xy[1], 2 / a0, 2 * (a0 - 2) / (a0 * a0 * (a0 + 1)), "X2");
        Moments.AssertCorrelation(xy[0], xy[1], -Math.Sqrt(1.0 * 2 / ((a0 - 1) * (a0 - 2))), "corr(X1, X2)");
        Assert.All(xy[0].Zip(xy[1], (x, y) => x + y), s => Assert.InRange(s, 0.0, 1.0));
    }

    [Theory]
    [InlineData(new[] { 2.0 }, 3.0, 1.5, 62UL)] // Gamma(6, 2); the rate defaults to 1
    [InlineData(new[] { 2.0, 4.0 }, 0.75, 6.0 / 64, 63UL)] // Gamma(6, 8)
    public void Family_let_and_const_give_a_Gamma_sum(double[] arguments, double mean, double variance, ulong seed)
    {
        var x = Sample("HalfSum", arguments, seed)[0];
        Moments.AssertLaw(x, mean, variance, "HalfSum");
    }

    [Fact]
    public void Nested_user_distribution_and_file_constant()
    {
        var x = Sample("Doubled", new[] { 2.0 }, 64)[0];
        Moments.AssertLaw(x, 6, 6, "Doubled(2) ~ Gamma(6, 1)");
    }

    [Fact]
    public void Scaled_law_has_its_known_mean()
    {
        var x = Sample("Scaled", new[] { 3.0, 0.5 }, 65)[0];
        Moments.AssertLaw(x, (3 * 0.5) + 1, 3 * 0.25, "Scaled(3, 0.5)");
    }

    [Fact]
    public void Tuple_binder_of_a_nested_joint_law()
    {
        var yx = Sample("Swapped", new[] { 2.0, 3.0, 1.5 }, 66);
        var (y, x) = (yx[0], yx[1]);
        var by = new Beta(tensor(3.0, ScalarType.Float64), tensor(1.5, ScalarType.Float64));
        var bx = new Beta(tensor(2.0, ScalarType.Float64), tensor(1.5, ScalarType.Float64));
        Moments.AssertLaw(y, Moments.Scalar(by.Mean), Moments.Scalar(by.Variance), "Y ~ Beta(3, 1.5)");
        Moments.AssertLaw(x, Moments.Scalar(bx.Mean), Moments.Scalar(bx.Variance), "X ~ Beta(2, 1.5)");
        Moments.AssertCorrelation(y, x, StdlibLawTests.Correlation(2, 3, 1.5), "corr(Y, X)");
    }

    [Fact]
    public void Normal_with_arguments_gives_a_chi_square()
    {
        var x = Sample("ChiSquare1", new[] { 3.0, 0.5 }, 67)[0];
        Moments.AssertLaw(x, 1, 2, "ChiSquare1");
    }

    [Fact]
    public void Link_functions_and_a_tuple_value_with_a_constant_component()
    {
        var values = Sample("Links", new[] { 2.0 }, 68);
        Moments.AssertLaw(values[0], 2, 4, "2 Exponential(1)");
        Assert.All(values[1], v => Assert.Equal(0.5, v)); // a constant component is broadcast to [n]
        Moments.AssertLaw(values[2], 0.5, 1.0 / 12, "Uniform(0, 1) through exp(log(u))");
    }

    private static double[][] Sample(string name, double[] arguments, ulong seed)
    {
        var values = DistributionEvaluator.Seeded(seed).Sample(Specs.Get(name), arguments, N);
        Assert.All(values, v => Assert.Equal(new[] { N }, v.shape));
        return values.Select(Moments.Values).ToArray();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GateDsl.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GateDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
