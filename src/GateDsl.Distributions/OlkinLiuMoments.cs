using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Exact moments of the Olkin-Liu pair, computed in double precision.
/// Derivation (conditioning on X): with S = U + W ~ Ga(a+c) independent of X = U/S, and
/// T = V/(V+S) ~ Beta(b, a+c) independent of X, Y = T / (1 - X(1-T)). Expanding the geometric series
/// and using Beta moments gives
///   E[XY] = ab/(a+b+c) * sum_{n&gt;=0} (a+1)_n / ((a+c+n) (a+b+c+1)_n),
/// a 3F2 series at 1. Its terms decay like n^-p, p = b+c+1 (slowly when b+c is small). We sum
/// 8192 terms, add the integral estimate of the remainder t_N N^p (N+1/2)^(1-p) / (p-1), whose
/// error is of order N^-p, and remove that leading error by Richardson extrapolation between N = 4096
/// and N = 8192 (weight 2^p). Agreement with a 2,000,000-term sum: relative 1e-9 for shapes of order 1,
/// 1e-7 for b + c = 0.1. Shapes with fast decay stop early, once the remainder is below 1e-15 of the sum.
/// Checked: (2,3,1.5) gives E[XY] = 0.408277, rho = 0.583; (0.7,1.2,2) gives rho = 0.326.
/// </summary>
internal static class OlkinLiuMoments
{
    private const int Terms = 8192;

    public static double ExpectedProduct(double a, double b, double c)
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

    public static double Correlation(double a, double b, double c)
    {
        var mx = a / (a + c);
        var my = b / (b + c);
        var vx = a * c / ((a + c) * (a + c) * (a + c + 1.0));
        var vy = b * c / ((b + c) * (b + c) * (b + c + 1.0));
        return (ExpectedProduct(a, b, c) - mx * my) / Math.Sqrt(vx * vy);
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
}
