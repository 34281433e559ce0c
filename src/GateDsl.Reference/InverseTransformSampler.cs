namespace GateDsl.Reference;

/// <summary>
/// Draws X = F^-1(U) from a reference law's own quantile: how tests get samples of laws MathNet
/// cannot sample (Kumaraswamy, binary Concrete, logit-normal) without trusting any sampler under test.
/// </summary>
public static class InverseTransformSampler
{
    /// <summary>n draws using <paramref name="random"/>. Range: n &gt;= 0.</summary>
    public static double[] Sample(IReferenceDistribution reference, int n, System.Random random)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u;
            do
            {
                u = random.NextDouble();
            }
            while (u == 0); // the quantile is defined on the open interval (0, 1)

            result[i] = reference.Quantile(u);
        }

        return result;
    }
}
