using MathNet.Numerics.Distributions;

namespace GateDsl.Reference.Tests;

/// <summary>
/// Gamma at huge shapes (the review found <c>gatec sample "Gamma(1e16)"</c> hanging in the reference
/// quantile): the CDF is Temme's expansion from shape 1e6 on and the quantile bisects in x around the
/// mean. Deterministic checks of accuracy; the run time of this class shows the speed (no clock here).
/// </summary>
public sealed class GammaLargeShapeTests
{
    /// <summary>The median of Gamma(a) is a - 1/3 + 8/(405 a) + O(a^-2) (Choi 1994): within 1e-6 sd (and two spacings of doubles).</summary>
    [Theory]
    [InlineData(1e6)]
    [InlineData(1e12)]
    [InlineData(1e16)]
    public void Median_of_a_huge_shape_is_shape_minus_one_third(double shape)
    {
        var g = new GammaReference(shape);
        var median = g.Quantile(0.5);
        var expected = shape - 1.0 / 3 + 8 / (405 * shape);
        var tolerance = 1e-6 * Math.Sqrt(shape) + 2 * Math.BitIncrement(shape) - 2 * shape;
        Assert.True(Math.Abs(median - expected) <= tolerance, $"median {median:R}, expected {expected:R}, tolerance {tolerance:G3}");
        Assert.InRange(g.Cdf(median), 0.5 - 1e-10 - Spacing(shape), 0.5 + 1e-10 + Spacing(shape));
    }

    /// <summary>
    /// CDF against the Edgeworth expansion at a + z sqrt(a): Phi(z) - phi(z) (z^2 - 1) / (3 sqrt(a)) with an
    /// error of order 1/a (1e-12 at a = 1e12), and quantiles that invert the CDF, with a rate.
    /// </summary>
    /// <remarks>
    /// Doubles near 1e16 are 2 apart, 2e-8 standard deviations: the CDF of a double x can be checked only to
    /// about that (<see cref="Spacing"/>), and x / rate * rate moves x by a spacing or two, so 1e16 is checked at rate 1.
    /// </remarks>
    [Theory]
    [InlineData(1e12, 2.5)]
    [InlineData(1e16, 1.0)]
    public void Cdf_and_quantile_of_a_huge_shape_match_the_edgeworth_expansion(double shape, double rate)
    {
        var g = new GammaReference(shape, rate);
        var sd = Math.Sqrt(shape);
        foreach (var z in new[] { -6.0, -3.0, -1.0, 0.0, 0.5, 1.0, 3.0, 6.0 })
        {
            var phi = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            var expected = Normal.CDF(0, 1, z) - phi * (z * z - 1) / (3 * sd);
            var x = (shape + z * sd) / rate;
            Assert.True(Math.Abs(g.Cdf(x) - expected) <= 1e-10 + 4 * Spacing(shape), $"z {z}: cdf {g.Cdf(x):R}, Edgeworth {expected:R}");
            var q = g.Quantile(expected);
            Assert.True(Math.Abs(q * rate - (shape + z * sd)) <= 1e-6 * sd + 4 * (Math.BitIncrement(shape) - shape), $"z {z}: quantile {q:R}, x {x:R}");
        }

        Assert.Equal(0, g.Cdf(0));
        Assert.Equal(1, g.Cdf(double.PositiveInfinity));
    }

    /// <summary>
    /// The expansion against P(a, a + z sqrt(a)) from mpmath 1.3.0 (40 digits; <c>gammainc(a, 0, x, regularized=True)</c>,
    /// or 1 - the upper function for z &gt; 0, where mpmath's lower series does not converge at a = 1e9) at
    /// the switch (1e6) and above: within 1e-12. MathNet, which the reference used before, is off by 9e-11
    /// at a = 1e6, z = -1.5 and 1.3e-9 at a = 3e6, z = 0.3 (its prefactor exp(a ln x - x - ln Gamma(a)) carries
    /// a rounding error of about 1e-16 a ln a).
    /// </summary>
    [Theory]
    [InlineData(1e6, -8.0, 5.2401228154308307e-16)]
    [InlineData(1e6, -4.0, 3.1007118211082967e-5)]
    [InlineData(1e6, -1.5, 0.066753172831609871)]
    [InlineData(1e6, -0.2, 0.42086542979265538)]
    [InlineData(1e6, 0.0, 0.50013298076087259)]
    [InlineData(1e6, 0.3, 0.61802710338800816)]
    [InlineData(1e6, 2.0, 0.97719590410123014)]
    [InlineData(1e6, 5.0, 0.99999970125098599)]
    [InlineData(1e6, 9.0, 1.0)]
    [InlineData(1e9, 0.3, 0.61791508054692637)]
    [InlineData(1e9, 2.0, 0.97724816073450469)]
    [InlineData(1e9, 5.0, 0.99999971297211252)]
    public void Asymptotic_cdf_agrees_with_40_digit_values(double shape, double z, double expected)
    {
        var x = shape + z * Math.Sqrt(shape);
        var cdf = new GammaReference(shape).Cdf(x);
        Assert.True(Math.Abs(cdf - expected) <= 1e-12 + Spacing(shape), $"a {shape}, z {z}: {cdf:R} vs {expected:R}");
    }

    /// <summary>The spacing of doubles at <paramref name="shape"/> in standard deviations (an upper bound on the CDF step between neighbouring doubles, times the density's peak 0.4).</summary>
    private static double Spacing(double shape) => (Math.BitIncrement(shape) - shape) / Math.Sqrt(shape);
}
