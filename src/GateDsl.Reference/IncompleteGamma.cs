using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// The regularized lower incomplete gamma function P(a, x). MathNet 5.0.0's
/// <c>SpecialFunctions.GammaLowerRegularized</c> returns exactly 0 for x below about 1e-10, which is
/// wrong by whole percents for small shapes (P(0.1, 1e-15) = 0.033), so small x uses the series here.
/// </summary>
internal static class IncompleteGamma
{
    /// <summary>P(a, x) for a &gt; 0, x &gt;= 0; relative accuracy about 1e-15 on the series branch.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (!(x > 0))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        if (x >= a + 1 || x >= 1)
        {
            return SpecialFunctions.GammaLowerRegularized(a, x);
        }

        // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_k x^k / ((a+1)...(a+k)); terms shrink at least by x/(a+1) < 1.
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 1000; k++)
        {
            term *= x / (a + k);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }

        return Math.Exp(a * Math.Log(x) - x - SpecialFunctions.GammaLn(a + 1)) * sum;
    }
}
