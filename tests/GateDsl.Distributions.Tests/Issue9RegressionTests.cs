using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// Issue 9's faults, each at the issue's input and in both dtypes, against the right value. Right
/// values: closed forms where the issue gives them (ln 8, ln 0.5, 0); otherwise mpmath 1.3 at 50 digits
/// (mp.dps = 50): Kumaraswamy moments as b B(1 + n/a, b), Beta KL by its lgamma/digamma closed form,
/// Kumaraswamy log densities as ln(a b x^(a-1) (1 - x^a)^(b-1)) at the exact dtype value of x. The CLI
/// faults (4's and 7's gatec runs, 8) are in GateDsl.Validation.Tests (Issue9CliRegressionTests).
/// </summary>
public sealed class Issue9RegressionTests
{
    public static TheoryData<ScalarType> BothDTypes() => new() { ScalarType.Float32, ScalarType.Float64 };

    /// <summary>Relative error of a value rounded once to the dtype (float32 6e-8, float64 1.1e-16) plus the float64 work before it.</summary>
    private static double Tolerance(ScalarType dtype) => dtype == ScalarType.Float32 ? 2e-7 : 1e-12;

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
        => Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: {actual:R}, right {expected:R} (relative tolerance {tolerance:G2})");

    /// <summary>Fault 1: the log density at a support end where the density is finite is its limit there.</summary>
    [Theory]
    [MemberData(nameof(BothDTypes))]
    public void Fault1_log_density_at_a_support_end_is_the_finite_limit(ScalarType dtype)
    {
        var zero = Const(0.0, dtype);
        AssertRelative(Math.Log(8.0), Scalar(new Beta(Const(1.0, dtype), Const(8.0, dtype)).LogProb(zero)), Tolerance(dtype), "Beta(1, 8) at 0");
        AssertRelative(Math.Log(0.5), Scalar(new Beta(Const(1.0, dtype), Const(0.5, dtype)).LogProb(zero)), Tolerance(dtype), "Beta(1, 0.5) at 0");
        Assert.Equal(0.0, Scalar(new Gamma(Const(1.0, dtype), Const(1.0, dtype)).LogProb(zero)));
    }

    /// <summary>
    /// Fault 2: Kumaraswamy(0.5, 1) at 1 - 2^-53 (float64; in float32 the largest value below 1,
    /// 1 - 2^-24) is ln(0.5 x^-0.5) = -0.69314718055994525 (float64 point; mpmath) and
    /// -0.69314715075696... at 1 - 2^-24 (ln 0.5 + 2^-25 to first order), never NaN.
    /// </summary>
    [Theory]
    [MemberData(nameof(BothDTypes))]
    public void Fault2_log_density_next_to_one_is_finite_and_right(ScalarType dtype)
    {
        var ulp = dtype == ScalarType.Float32 ? Math.Pow(2, -24) : Math.Pow(2, -53);
        var x = 1.0 - ulp;
        var expected = Math.Log(0.5) - 0.5 * Math.Log(x);
        var lp = Scalar(new Kumaraswamy(Const(0.5, dtype), Const(1.0, dtype)).LogProb(Const(x, dtype)));
        AssertRelative(expected, lp, Tolerance(dtype), $"Kumaraswamy(0.5, 1) at 1 - {ulp:G3}");
        AssertRelative(-0.69314718055994525390608089020034646540600571024165, Scalar(new Kumaraswamy(Const(0.5), Const(1.0)).LogProb(Const(1.0 - Math.Pow(2, -53)))), 1e-15, "issue's float64 value");
    }

    /// <summary>
    /// Fault 3: a law's log density of its own draws is finite. Kumaraswamy(0.5, 0.05) in float32, 1e6
    /// draws with seed 12: draws that land on the largest float32 below 1 have log density
    /// 12.773366099830984 there (mpmath at x = 1 - 2^-24), not +inf. Uniform(100, 101) in float32, 4e6
    /// draws with seed 11: every draw below 101 (support [low, high)), log density 0.
    /// </summary>
    [Fact]
    public void Fault3_log_density_of_own_draws_is_finite_in_float32()
    {
        var k = new Kumaraswamy(Const(0.5, ScalarType.Float32), Const(0.05, ScalarType.Float32));
        using (var g = Seeded(12))
        {
            var x = k.Sample([1_000_000], g);
            var lp = k.LogProb(x);
            Assert.True(AllFinite(lp), $"{lp.isfinite().logical_not().sum().item<long>()} of 1e6 Kumaraswamy(0.5, 0.05) draws have a non-finite log density");
            var top = x.eq((float)(1.0 - Math.Pow(2, -24)));
            var atTop = top.sum().item<long>();
            Assert.True(atTop > 0, "the seed must put draws on the largest float32 below 1 (the issue's 43.5%)");
            var lpTop = Values(lp.masked_select(top));
            Assert.All(lpTop, v => AssertRelative(12.773366099830984628526132562544121717361361167578, v, 2e-7, "Kumaraswamy(0.5, 0.05) at 1 - 2^-24"));
        }

        var u = new Uniform(Const(100.0, ScalarType.Float32), Const(101.0, ScalarType.Float32));
        using (var g = Seeded(11))
        {
            var x = u.Sample([4_000_000], g);
            Assert.True(x.lt(101.0f).all().item<bool>(), $"{x.ge(101.0f).sum().item<long>()} Uniform(100, 101) draws equal 101 (support [100, 101))");
            Assert.True(x.ge(100.0f).all().item<bool>());
            Assert.True(u.LogProb(x).eq(0.0f).all().item<bool>(), "log density of Uniform(100, 101) at its draws is ln 1 = 0");
        }
    }

    /// <summary>
    /// Fault 4: Beta at tiny shapes (below the smallest normal of the dtype) draws 0 or 1 (the
    /// faithful ends: the smallest normal and 1 - eps), never NaN, with P(upper end) = a / (a + b).
    /// Statistical: the share at the upper end of n draws lies within the Hoeffding band
    /// sqrt(ln(2 / alpha) / (2n)) = 0.0256 of a / (a + b), false-failure probability alpha = 1e-11 per check
    /// (Hoeffding is non-asymptotic; at the project's 3e-10 the four checks took the ledger's sum to
    /// 2.5e-8, over the 0.6 x share headroom kept for the CLT checks).
    /// </summary>
    [Theory]
    [InlineData(ScalarType.Float64, 1e-310, 1e-310)]
    [InlineData(ScalarType.Float64, 1e-310, 3e-310)]
    [InlineData(ScalarType.Float32, 1e-40, 1e-40)]
    [InlineData(ScalarType.Float32, 3e-40, 1e-40)]
    public void Fault4_beta_at_tiny_shapes_draws_the_ends_with_the_right_odds(ScalarType dtype, double a, double b)
    {
        const int n = 20_000;
        using var g = Seeded(4);
        var x = new Beta(Const(a, dtype), Const(b, dtype)).Sample([n], g);
        var v = Values(x);
        var tiny = dtype == ScalarType.Float32 ? 1.1754943508222875e-38 : 2.2250738585072014e-308; // smallest normals
        var eps = dtype == ScalarType.Float32 ? Math.Pow(2, -24) : Math.Pow(2, -53);
        Assert.DoesNotContain(v, double.IsNaN);
        Assert.All(v, d => Assert.True(d <= tiny || d >= 1 - eps, $"Beta({a}, {b}) {dtype}: draw {d:R} is not at an end"));
        var upper = v.Count(d => d >= 1 - eps) / (double)n;
        const double alpha = 1e-11;
        var band = Math.Sqrt(Math.Log(2.0 / alpha) / (2.0 * n));
        // a / (a + b) in float64 without underflow of the sum: both below 1e-300, so scale first.
        var p = a / b / (1 + a / b);
        TestBudget.Check(Math.Abs(upper - p) <= band, alpha, $"tiny-shape Beta({a}, {b}) {dtype}: share at 1 is {upper}, a / (a + b) = {p} +- {band:G3}");
    }

    /// <summary>Fault 4: Beta(1e-20, 1e-20) draws saturate; the gradient of their mean is finite (0 where every draw is at an end), not NaN.</summary>
    [Theory]
    [MemberData(nameof(BothDTypes))]
    public void Fault4_gradients_at_tiny_shapes_are_finite(ScalarType dtype)
    {
        var a = Leaf(1e-20, dtype);
        var b = Leaf(1e-20, dtype);
        using var g = Seeded(20);
        new Beta(a, b).RSample([1000], g).mean().backward();
        Assert.True(AllFinite(a.grad!) && AllFinite(b.grad!), $"gradients {Scalar(a.grad!)}, {Scalar(b.grad!)}");
    }

    /// <summary>
    /// Issue 9 open item 4: the Gamma draw X = G / rate has dX/drate = -X / rate; at Gamma(1e8, 1e-18) in float32
    /// (X about 1e26) that is -1e44, and at Gamma(1e8, 1e-200) in float64 -1e408, beyond each dtype. The gradient
    /// saturates at the dtype's largest finite value (not -inf); the shape's gradient (about X / shape) stays finite
    /// and positive.
    /// </summary>
    [Theory]
    [InlineData(ScalarType.Float32, 1e-18)]
    [InlineData(ScalarType.Float64, 1e-200)]
    public void Gamma_rate_gradient_beyond_the_dtype_is_its_largest_finite_value(ScalarType dtype, double rate)
    {
        var shape = Leaf(1e8, dtype);
        var r = Leaf(rate, dtype);
        using var g = Seeded(21);
        var x = new Gamma(shape, r).RSample([16], g);
        Assert.True(AllFinite(x), "draws finite");
        x.sum().backward();
        var largest = dtype == ScalarType.Float32 ? float.MaxValue : double.MaxValue;
        Assert.Equal(-largest, Scalar(r.grad!));
        Assert.True(AllFinite(shape.grad!) && Scalar(shape.grad!) > 0, $"shape gradient {Scalar(shape.grad!)}");
    }

    /// <summary>
    /// Found by the whole-range property at 400 cases: this batch of Kumaraswamy laws in float32 had an infinite
    /// gradient to a (dX/da is of order X log(...) / a^2, beyond float32 at a = 1e-40). It saturates at float32's
    /// largest finite value.
    /// </summary>
    [Fact]
    public void Kumaraswamy_gradient_at_a_tiny_shape_is_finite_in_float32()
    {
        var a = Leaf([3.03369e-28, 13355.4, 1.1625e-40, 1.39344e-07], ScalarType.Float32);
        var b = Leaf([6.62534e-41, 6.36559e-35, 0.00256537, 1.85589e-33], ScalarType.Float32);
        using var g = Seeded(22);
        new Kumaraswamy(a, b).RSample([64], g).sum().backward();
        Assert.True(AllFinite(a.grad!) && AllFinite(b.grad!), $"gradients to a {string.Join(", ", Values(a.grad!))}; to b {string.Join(", ", Values(b.grad!))}");
    }

    /// <summary>
    /// Fault 5: no float32 cancellation. Kumaraswamy(1000, 1000).Variance = 1.6171459501104177e-6 and
    /// KL(Beta(1e6, 1e6) || Beta(1e6 + 1, 1e6)) = 2.500000625e-7 (mpmath; 1e6 + 1 is exact in float32).
    /// </summary>
    [Theory]
    [MemberData(nameof(BothDTypes))]
    public void Fault5_float32_moments_and_kl_do_not_cancel(ScalarType dtype)
    {
        var variance = Scalar(new Kumaraswamy(Const(1000.0, dtype), Const(1000.0, dtype)).Variance);
        AssertRelative(1.6171459501104177325993054582079555247704165741234e-6, variance, dtype == ScalarType.Float32 ? 2e-7 : 1e-9, $"Kumaraswamy(1000, 1000) variance {dtype}");
        var kl = KlDivergence.Compute(new Beta(Const(1e6, dtype), Const(1e6, dtype)), new Beta(Const(1e6 + 1, dtype), Const(1e6, dtype)));
        Assert.True(kl.IsExact);
        AssertRelative(2.5000006249999999999921875000000039062617621786984e-7, Scalar(kl.Value), dtype == ScalarType.Float32 ? 2e-7 : 1e-9, $"KL Beta {dtype}");
    }

    /// <summary>Fault 6: KL(Kumaraswamy(200, 1) || Beta(1, 5)) = 26.2060032465997 (mpmath), not the truncated series' 24.4783.</summary>
    [Theory]
    [MemberData(nameof(BothDTypes))]
    public void Fault6_kumaraswamy_beta_kl_has_no_truncation_error(ScalarType dtype)
    {
        var kl = KlDivergence.Compute(new Kumaraswamy(Const(200.0, dtype), Const(1.0, dtype)), new Beta(Const(1.0, dtype), Const(5.0, dtype)));
        AssertRelative(26.2060032465997, Scalar(kl.Value), dtype == ScalarType.Float32 ? 2e-7 : 1e-12, $"KL(Kumaraswamy(200, 1) || Beta(1, 5)) {dtype}");
    }

    /// <summary>
    /// The known leftover of fault 7's kind: the Kumaraswamy mean b B(1 + 1/a, b) at huge b (mpmath):
    /// 1e-20 (a = 1, b = 1e20), 8.8622692545275801e-11 (a = 2, b = 1e20), 8.8622692545275801e-16
    /// (a = 2, b = 1e30), 2e-40 (a = 0.5, b = 1e20, float64 only: a float32 subnormal).
    /// </summary>
    [Theory]
    [InlineData(ScalarType.Float32, 1.0, 1e20, 9.999999999999999999900000000000000000001e-21)]
    [InlineData(ScalarType.Float64, 1.0, 1e20, 9.999999999999999999900000000000000000001e-21)]
    [InlineData(ScalarType.Float32, 2.0, 1e20, 8.8622692545275801364576039070012474884760797314957e-11)]
    [InlineData(ScalarType.Float64, 2.0, 1e20, 8.8622692545275801364576039070012474884760797314957e-11)]
    [InlineData(ScalarType.Float32, 2.0, 1e30, 8.8622692545275801364908374167024025630172994380608e-16)]
    [InlineData(ScalarType.Float64, 2.0, 1e30, 8.8622692545275801364908374167024025630172994380608e-16)]
    [InlineData(ScalarType.Float64, 0.5, 1e20, 1.9999999999999999999400000000000000000014e-40)]
    public void Kumaraswamy_mean_at_huge_b_is_right(ScalarType dtype, double a, double b, double expected)
    {
        var mean = Scalar(new Kumaraswamy(Const(a, dtype), Const(b, dtype)).Mean);
        AssertRelative(expected, mean, dtype == ScalarType.Float32 ? 2e-7 : 1e-12, $"Kumaraswamy({a}, {b}) mean {dtype}");
    }

    /// <summary>
    /// The same over a grid of huge b, float64 (mpmath at 700 digits in log form, lgamma(1 + 1/a) +
    /// lgamma(b + 1) - lgamma(b + 1 + 1/a): at 50 digits mpmath's own beta(1 + 1/a, 1e300) returns 1). Means
    /// below the smallest normal double are 0 (underflow), never NaN and never b.
    /// </summary>
    [Theory]
    [InlineData(1e-3, 1e20, 0.0)]
    [InlineData(0.1, 1e300, 0.0)]
    [InlineData(1.0, 1e50, 1.0e-50)]
    [InlineData(1.0, 1e100, 1.0e-100)]
    [InlineData(1.0, 1e300, 1.0e-300)]
    [InlineData(10.0, 1e20, 0.0095135076986687318)]
    [InlineData(10.0, 1e50, 9.5135076986687318e-6)]
    [InlineData(10.0, 1e100, 9.5135076986687318e-11)]
    [InlineData(10.0, 1e300, 9.5135076986687318e-31)]
    [InlineData(1e3, 1e20, 0.95444229301636307)]
    [InlineData(1e3, 1e50, 0.89073737482006276)]
    [InlineData(1e3, 1e100, 0.79387052093917066)]
    [InlineData(1e3, 1e300, 0.50089843575288677)]
    [InlineData(1e8, 1e20, 0.99999953371093355)]
    [InlineData(1e8, 1e50, 0.99999884293596634)]
    [InlineData(1e8, 1e100, 0.99999769164541469)]
    [InlineData(1e8, 1e300, 0.99999308649646283)]
    public void Kumaraswamy_mean_over_a_grid_of_huge_b_is_right_in_float64(double a, double b, double expected)
    {
        var mean = Scalar(new Kumaraswamy(Const(a), Const(b)).Mean);
        if (expected == 0.0)
        {
            Assert.Equal(0.0, mean);
        }
        else
        {
            AssertRelative(expected, mean, 1e-12, $"Kumaraswamy({a}, {b}) mean");
        }
    }
}
