using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Moments of the Olkin-Liu pair, computed in double precision on the CPU, by one of two methods.
/// <list type="bullet">
/// <item>Shapes up to 100: conditioning on X (with S = U + W ~ Ga(a+c) independent
/// of X = U/S, and T = V/(V+S) ~ Beta(b, a+c) independent of X, Y = T / (1 - X(1-T))) and expanding the
/// geometric series gives E[XY] = ab/(a+b+c) sum_{n&gt;=0} (a+1)_n / ((a+c+n) (a+b+c+1)_n), a 3F2 series at 1
/// whose terms decay like n^-p, p = b+c+1. We sum 8192 terms, add the integral estimate of the
/// remainder t_N N^p (N+1/2)^(1-p) / (p-1), and remove its leading error by Richardson extrapolation
/// between N = 4096 and 8192 (weight 2^p); shapes with fast decay stop once the remainder is below
/// 1e-15 of the sum. Within 1e-9 relative of mpmath's 3F2 for shapes of order 1 and at (0.05, 0.08, 0.1);
/// against a 2,000,000-term sum 1e-7 at b + c = 0.1, and the error grows as b + c goes to 0 (where the
/// terms decay like 1/n and the extrapolation weight 2^p tends to 2).</item>
/// <item>Elsewhere (the series needs n &gt;&gt; a terms, and E[XY] - E[X] E[Y] then cancels: it gave a
/// correlation of -1.7e8 at (1e8, 1, 1) and NaN at (1e4, 2e4, 3e4)): with 1/(U + W) = int e^(-s(U+W)) ds
/// both ratios become exponential tilts under which the Gammas factorize, and the covariance is
///   ab int int (1+s)^(-a-1) (1+t)^(-b-1) (1+s+t)^(-c) (-expm1(c log1p(-s t / ((1+s)(1+t))))) ds dt,
/// a positive integrand formed without cancellation, integrated over p = log(1+s), q = log(1+t) by the
/// midpoint rule in log p, log q with step 1/8 (from e^-20 min(1, 1/k) to 81/k, k = a + c, resp. b + c,
/// the rates at which the integrand decays). Within 1e-11 relative of 30-digit mpmath values at
/// (1e8, 1, 1) and (1e4, 2e4, 3e4), 1e-12 at (2, 3, 1.5). It is used where a + c &gt;= 1 and b + c &gt;= 1:
/// below that the integrand spreads over large p and q and bends across p = q on the scale 1, which the
/// grid does not resolve (errors of 1e-4 and more were measured).</item>
/// </list>
/// Where neither method applies (a shape above 100 with a + c or b + c below 1) the moments are NaN:
/// not computed, rather than wrong.
/// </summary>
internal static class OlkinLiuMoments
{
    private const int Terms = 8192;
    private const double Step = 1.0 / 8;

    public static double ExpectedProduct(double a, double b, double c) => UseSeries(a, b, c)
        ? SeriesExpectedProduct(a, b, c)
        : UseGrid(a, b, c) ? GridCovariance(a, b, c) + (a / (a + c) * (b / (b + c))) : double.NaN;

    public static double Correlation(double a, double b, double c)
    {
        var mx = a / (a + c);
        var my = b / (b + c);
        var vx = mx * (c / (a + c)) / (a + c + 1.0);
        var vy = my * (c / (b + c)) / (b + c + 1.0);
        var covariance = UseSeries(a, b, c) ? SeriesExpectedProduct(a, b, c) - mx * my
            : UseGrid(a, b, c) ? GridCovariance(a, b, c) : double.NaN;
        return covariance / Math.Sqrt(vx * vy);
    }

    private static bool UseSeries(double a, double b, double c) => Math.Max(a, Math.Max(b, c)) <= 100;

    private static bool UseGrid(double a, double b, double c) => a + c >= 1 && b + c >= 1;

    private static double SeriesExpectedProduct(double a, double b, double c)
    {
        var p = b + c + 1.0;
        var ratio = 1.0; // (a+1)_n / (a+b+c+1)_n
        var sum = 0.0;
        var half = 0.0;
        var estimate = 0.0;
        for (var n = 0; n < Terms; n++)
        {
            var term = ratio / (a + c + n);
            sum += term;
            ratio *= (a + 1.0 + n) / (a + b + c + 1.0 + n);
            var m = Math.Max(n, 1);
            var tail = term * Math.Pow(m, p) * Math.Pow(m + 0.5, 1.0 - p) / (p - 1.0);
            estimate = sum + tail;
            if (n >= 64 && tail < 1e-15 * sum)
            {
                return a * b / (a + b + c) * estimate;
            }

            if (n == Terms / 2 - 1)
            {
                half = estimate;
            }
        }

        var weight = Math.Pow(2.0, p);
        return a * b / (a + b + c) * (weight * estimate - half) / (weight - 1.0);
    }

    private static double GridCovariance(double a, double b, double c)
    {
        var (p, pWeight) = Nodes(a, a + c);
        var (q, qWeight) = Nodes(b, b + c);
        var qTail = q.Select(v => -Expm1(-v)).ToArray();
        var qGrowth = q.Select(v => v < 700 ? Expm1(v) : double.PositiveInfinity).ToArray();
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var pTail = -Expm1(-p[i]);
            var pGrowth = p[i] < 700 ? Expm1(p[i]) : double.PositiveInfinity;
            for (var j = 0; j < q.Length; j++)
            {
                // log(1 + s + t): log1p(s + t) while s and t are finite, else from the larger exponent.
                var m = Math.Max(p[i], q[j]);
                var logShared = m < 700
                    ? Log1p(pGrowth + qGrowth[j])
                    : m + Math.Log(Math.Exp(p[i] - m) + Math.Exp(q[j] - m) - Math.Exp(-m));
                var tilt = -Expm1(c * Log1p(-pTail * qTail[j]));
                sum += pWeight[i] * qWeight[j] * Math.Exp(-c * logShared) * tilt;
            }
        }

        return a * b * sum;
    }

    /// <summary>Nodes p and weights e^(-shape p) dp of the midpoint rule in log p.</summary>
    private static (double[] P, double[] Weight) Nodes(double shape, double decay)
    {
        var low = -20.0 + Math.Min(0.0, -Math.Log(decay));
        var high = Math.Log(81.0 / decay);
        var count = (int)Math.Ceiling((high - low) / Step);
        var p = new double[count];
        var weight = new double[count];
        for (var i = 0; i < count; i++)
        {
            p[i] = Math.Exp(low + ((i + 0.5) * Step));
            weight[i] = Math.Exp(-shape * p[i]) * p[i] * Step;
        }

        return (p, weight);
    }

    /// <summary>Applies a scalar function per batch element, on the CPU in double; result in the distribution's dtype and device.</summary>
    public static Tensor Map(BivariateBeta d, Func<double, double, double, double> f)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var all = torch.broadcast_tensors(d.A.detach(), d.B.detach(), d.C.detach());
        var a = all[0].to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
        var b = all[1].to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
        var c = all[2].to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
        var result = new double[a.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = f(a[i], b[i], c[i]);
        }

        var t = torch.tensor(result, ScalarType.Float64).reshape(d.BatchShape).to(d.DType).to(d.Device);
        return scope.MoveToOuter(t);
    }

    // .NET's double.LogP1 and ExpM1 compute log(1 + x) and exp(x) - 1 literally and lose tiny arguments.
    private static double Log1p(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        var u = Math.Exp(x);
        return u == 1.0 ? x : (u - 1.0) * x / Math.Log(u);
    }
}
