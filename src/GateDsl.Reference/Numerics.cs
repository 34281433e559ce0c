using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// Small accurate scalar helpers. .NET's <c>double.LogP1</c> and <c>double.ExpM1</c> are computed
/// as log(1 + x) and exp(x) - 1 and lose every digit for tiny x, so Kahan's and Higham's
/// correction tricks are used instead.
/// </summary>
internal static class Numerics
{
    /// <summary>log(1 + x) accurate for tiny x (Kahan's trick).</summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1 accurate for tiny x (Higham's trick).</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        return (u - 1.0) * x / Math.Log(u);
    }

    /// <summary>1 / (1 + exp(-t)) without overflow.</summary>
    public static double Sigmoid(double t) =>
        t >= 0 ? 1.0 / (1.0 + Math.Exp(-t)) : Math.Exp(t) / (1.0 + Math.Exp(t));

    /// <summary>log(sigmoid(t)) = -softplus(-t), accurate in both tails.</summary>
    public static double LogSigmoid(double t) =>
        t >= 0 ? -Log1p(Math.Exp(-t)) : t - Log1p(Math.Exp(t));

    /// <summary>log of the standard logistic density, sigmoid(t) sigmoid(-t).</summary>
    public static double LogLogisticDensity(double t)
    {
        double a = Math.Abs(t);
        return -a - 2.0 * Log1p(Math.Exp(-a));
    }

    /// <summary>log(x) computed from whichever of x and 1 - x carries more information.</summary>
    public static double LogFromComplement(double x, double complement) =>
        x < 0.5 ? Math.Log(x) : Log1p(-complement);

    /// <summary>
    /// log(1 - e^x) for x &lt;= 0 (Maechler 2012): log(-expm1(x)) near 0, log1p(-e^x) below -ln 2, where
    /// each form is accurate and the other is not.
    /// </summary>
    public static double Log1mExp(double x) =>
        x > -Math.Log(2) ? Math.Log(-Expm1(x)) : Log1p(-Math.Exp(x));

    /// <summary>
    /// log(1 - x^a) from log x &lt; 0 and a &gt; 0: log1mexp(a log x), or, where a log x is so small that
    /// it may underflow, log a + log(-log x) - a log x / 2.
    /// </summary>
    public static double LogOneMinusPow(double logX, double a)
    {
        double y = a * logX;
        return Math.Abs(y) < 1e-8 ? Math.Log(a) + Math.Log(-logX) - 0.5 * y : Log1mExp(y);
    }

    /// <summary>
    /// sigmoid(y + delta) - sigmoid(y) without cancellation: (tanh((y + delta)/2) - tanh(y/2)) / 2 =
    /// sinh(delta/2) / (2 cosh((y + delta)/2) cosh(y/2)), in log space so that nothing overflows. The
    /// increment is passed on its own: y + 1e-20 z rounds to y. Range: y, delta finite.
    /// </summary>
    public static double SigmoidDifference(double y, double delta)
    {
        if (delta == 0)
        {
            return 0;
        }

        double a = Math.Abs(0.5 * delta);
        double logSinh = a + Log1mExp(-2 * a) - Math.Log(2);
        double log = logSinh - Math.Log(2) - LogCosh(0.5 * (y + delta)) - LogCosh(0.5 * y);
        return Math.Sign(delta) * Math.Exp(log);
    }

    /// <summary>
    /// The trigamma function psi'(x), x &gt; 0: the recurrence psi'(x) = 1/x^2 + psi'(x + 1) up to x &gt;= 20,
    /// then the asymptotic series 1/x + 1/(2x^2) + sum_j B_2j / x^(2j+1) (seven terms; relative error below
    /// 1e-17 there).
    /// </summary>
    public static double Trigamma(double x)
    {
        double sum = 0;
        while (x < 20)
        {
            sum += 1 / (x * x);
            x += 1;
        }

        double inv = 1 / x;
        double inv2 = inv * inv;
        double tail = inv2 * (1.0 / 6 + inv2 * (-1.0 / 30 + inv2 * (1.0 / 42 + inv2 * (-1.0 / 30 + inv2 * (5.0 / 66 + inv2 * (-691.0 / 2730 + inv2 * 7.0 / 6))))));
        return sum + inv + 0.5 * inv2 + inv * tail;
    }

    /// <summary>u - log1p(u) &gt;= 0 for u &gt; -1: its Taylor series sum_k&gt;=2 (-u)^k / k below |u| = 0.05, directly above.</summary>
    public static double MinusLog1pPlusX(double u)
    {
        if (Math.Abs(u) >= 0.05)
        {
            return u - Log1p(u);
        }

        double sum = 0;
        double power = u * u;
        for (int k = 2; k <= 13; k++)
        {
            sum += (k % 2 == 0 ? 1 : -1) * power / k;
            power *= u;
        }

        return sum;
    }

    /// <summary>
    /// ln Gamma(x + h) - ln Gamma(x) for x &gt;= 1, h &gt;= 0, without subtracting two large ln Gamma values:
    /// MathNet's GammaLn(1e20) = 4.5e21 has a float64 spacing of 5e5, far more than the difference
    /// ln Gamma(1e20 + 2) - ln Gamma(1e20 + 1) = 46 that a Kumaraswamy moment at b = 1e20 needs. From
    /// x = 1000 on it is Stirling's series written as differences, -x (u - log1p u) - log1p(u) / 2 +
    /// h ln(x + h) + S(x + h) - S(x) with u = h / x and S(y) = 1/(12y) - 1/(360y^3) + 1/(1260y^5) (the
    /// next term, 1/(1680 y^7), is below 1e-24 there; Abramowitz and Stegun 6.1.40); below, directly.
    /// </summary>
    public static double LogGammaDifference(double x, double h)
    {
        if (x < 1000)
        {
            return SpecialFunctions.GammaLn(x + h) - SpecialFunctions.GammaLn(x);
        }

        static double S(double y)
        {
            double inv = 1 / y;
            double inv2 = inv * inv;
            return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
        }

        double u = h / x;
        return -x * MinusLog1pPlusX(u) - 0.5 * Log1p(u) + h * Math.Log(x + h) + (S(x + h) - S(x));
    }

    /// <summary>log cosh(x) = |x| + log1p(e^(-2|x|)) - ln 2, without overflow.</summary>
    public static double LogCosh(double x)
    {
        double a = Math.Abs(x);
        return a + Log1p(Math.Exp(-2 * a)) - Math.Log(2);
    }
}
