using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Expectations over a noise variable with a smooth density and exponential (or lighter) tails: the
/// midpoint rule on the grid of step 1/16 over [-100, 100], evaluated in float64 in chunks of 256 nodes
/// so memory stays at 256 x batch. For an integrand analytic in the strip |Im n| &lt; w the rule's
/// error is of order exp(-2 pi w / step) (Trefethen and Weideman 2014): w = pi for the logistic density,
/// the normal's is entire, and every use here keeps w &gt;= pi, so the error is far below float64's
/// resolution. The tails beyond 100 hold less than e^-100 = 4e-44 of a logistic law: a small moment
/// can be made of the tails (RelaxedBernoulli(3, -40) has variance 2.5e-12, much of it from noise
/// beyond 40, where its integrand is 0.5 against a density of e^-40), so the reach is set for that,
/// not for the mass. Differentiable.
/// </summary>
internal static class Quadrature
{
    /// <summary>Grid spacing.</summary>
    public const double Step = 1.0 / 16;

    /// <summary>Half-width of the grid.</summary>
    public const double Reach = 100.0;

    private const int Chunk = 256;

    /// <summary>
    /// sum over the nodes n of f(n) Step, with f's density included. f maps float64 nodes of shape
    /// [chunk, 1, ..., 1] (one 1 per batch dimension) to values that broadcast with the batch.
    /// </summary>
    public static Tensor Integrate(Func<Tensor, Tensor> f, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var count = (int)Math.Round(2 * Reach / Step);
        Tensor? total = null;
        var nodeShape = new long[batchShape.Length + 1];
        Array.Fill(nodeShape, 1L);
        for (var start = 0; start < count; start += Chunk)
        {
            var size = Math.Min(Chunk, count - start);
            nodeShape[0] = size;
            var n = ((torch.arange(start, start + size, dtype: ScalarType.Float64) + 0.5) * Step - Reach).to(device).reshape(nodeShape);
            var part = f(n).expand([size, .. batchShape]).sum(dim: 0L);
            total = total is null ? part : total + part;
        }

        return scope.MoveToOuter(total! * Step);
    }

    /// <summary>Standard normal density at n.</summary>
    public static Tensor NormalDensity(Tensor n) => (-0.5 * n.square()).exp() / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard logistic density sigmoid(n) sigmoid(-n) at n, without overflow.</summary>
    public static Tensor LogisticDensity(Tensor n)
    {
        using var scope = torch.NewDisposeScope();
        var a = n.abs();
        return scope.MoveToOuter((-a - 2.0 * (-a).exp().log1p()).exp());
    }

    /// <summary>Density of the larger of two independent standard logistic variables, d/dn sigmoid(n)^2.</summary>
    public static Tensor LogisticMaxDensity(Tensor n) => 2.0 * torch.sigmoid(n) * LogisticDensity(n);
}
