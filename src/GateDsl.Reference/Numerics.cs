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
}
