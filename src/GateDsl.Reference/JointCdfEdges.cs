namespace GateDsl.Reference;

/// <summary>
/// The joint CDF F(x, y) of a law on the unit square where one argument leaves the open square: 0 when
/// either is at or below 0, the other marginal's CDF when one is at or above 1. Shared by the bivariate
/// references, whose interior formulas differ.
/// </summary>
internal static class JointCdfEdges
{
    /// <summary>F(x, y) on or outside an edge of the unit square; null strictly inside, where the law's own formula applies.</summary>
    public static double? OnEdge(double x, double y, IReferenceDistribution marginalX, IReferenceDistribution marginalY)
    {
        if (x <= 0 || y <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return marginalY.Cdf(y);
        }

        if (y >= 1)
        {
            return marginalX.Cdf(x);
        }

        return null;
    }
}
