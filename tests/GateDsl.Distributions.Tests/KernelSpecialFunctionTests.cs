using GateDsl.Distributions.Kernels;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// The per-element special functions of the kernels against mpmath (40 digits), scalar and SIMD,
/// across the shift boundary at 10 and over [1, 2], where the SIMD digamma uses its rational
/// approximation (the psi of every boosted Gamma shape). Deterministic.
/// </summary>
public sealed class KernelSpecialFunctionTests
{
    [Theory]
    [InlineData(0.001, -1000.5755719318103, 1000001.6425331958, 6.9071788853838537)]
    [InlineData(0.3, -3.5025242222001331, 12.245364546107731, 1.0957979948180756)]
    [InlineData(1.0, -0.5772156649015329, 1.6449340668482264, 0.0)]
    [InlineData(1.2, -0.2890398965921883, 1.267377205423779, -0.08537409000331585)]
    [InlineData(1.4616321449683623, -3.9928730412463046e-17, 0.9676722454476212, -0.12148629053584961)]
    [InlineData(1.7, 0.20854787487349392, 0.79323283016399841, -0.095807697407065874)]
    [InlineData(1.9999, 0.42271983967113097, 0.6449744806987031, -4.2275208772158115e-05)]
    [InlineData(2.0, 0.42278433509846713, 0.6449340668482264, 0.0)]
    [InlineData(9.99, 2.2507003728312011, 0.10527695014824178, 12.779315214350193)]
    [InlineData(10.0, 2.2517525890667211, 0.10516633568168575, 12.80182748008147)]
    [InlineData(55.0, 3.9982147288427367, 0.018348109124868422, 164.32011226319518)]
    [InlineData(1234.5, 7.1180162318279978, 0.00081037272712696665, 7550.5509010778949)]
    public void Match_mpmath(double x, double digamma, double trigamma, double logGamma)
    {
        // ln Gamma(x) for x below 10 is ln Gamma(x + n) - ln(x (x+1) ... (x+n-1)), two numbers near 13 whose
        // difference can be near 0: its error is absolute, a few ulp of 13 (what a KL sum needs), not relative.
        static void Close(double expected, double actual, string what, double absolute = 0) =>
            Assert.True(Math.Abs(actual - expected) <= 2e-15 * Math.Max(1.0, Math.Abs(expected)) + absolute, $"{what}: {actual}, mpmath {expected}");
        const double logGammaAbsolute = 3e-14;

        Close(digamma, ScalarSpecialFunctions.Digamma(x), "digamma");
        Close(trigamma, ScalarSpecialFunctions.Trigamma(x), "trigamma");
        Close(logGamma, ScalarSpecialFunctions.LogGamma(x), "log-gamma", logGammaAbsolute);
        ScalarSpecialFunctions.DigammaTrigammaLogGamma(x, out double d, out double t, out double l);
        Close(digamma, d, "combined digamma");
        Close(trigamma, t, "combined trigamma");
        Close(logGamma, l, "combined log-gamma", logGammaAbsolute);

        // SIMD: whole vectors of x plus a remainder (through a padded vector).
        var xs = Enumerable.Repeat(x, 9).ToArray();
        var (vd, vt, vl, vd2) = (new double[9], new double[9], new double[9], new double[9]);
        VectorSpecialFunctions.DigammaTrigammaLogGamma(xs, vd, vt, vl);
        VectorSpecialFunctions.Digamma(xs, vd2);
        for (int i = 0; i < 9; i++)
        {
            Close(digamma, vd[i], "SIMD digamma");
            Close(trigamma, vt[i], "SIMD trigamma");
            Close(logGamma, vl[i], "SIMD log-gamma", logGammaAbsolute);
            Close(digamma, vd2[i], "SIMD digamma only");
        }
    }
}
