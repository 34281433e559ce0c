namespace GateDsl.Reference;

/// <summary>
/// A k x k grid of cells for a bivariate law, with edges at the marginal quantiles i/k so that every
/// cell row and column has probability 1/k, and the cell probabilities from the joint CDF by
/// inclusion-exclusion. The edges only need to be fixed before seeing the sample, not exact
/// quantiles: the cell probabilities are computed at whatever edges were chosen.
/// </summary>
public sealed class JointGrid
{
    private JointGrid(double[] xEdges, double[] yEdges, double[,] cdf)
    {
        XEdges = xEdges;
        YEdges = yEdges;
        CdfAtEdges = cdf;
        int k = xEdges.Length + 1;
        var p = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                p[i, j] = cdf[i + 1, j + 1] - cdf[i, j + 1] - cdf[i + 1, j] + cdf[i, j];
            }
        }

        CellProbabilities = p;
    }

    /// <summary>The k - 1 interior cut points of x.</summary>
    public IReadOnlyList<double> XEdges { get; }

    /// <summary>The k - 1 interior cut points of y.</summary>
    public IReadOnlyList<double> YEdges { get; }

    /// <summary>Cells per axis.</summary>
    public int CellsPerAxis => XEdges.Count + 1;

    /// <summary>F at the (k+1) x (k+1) corner points, index 0 meaning minus infinity and k plus infinity.</summary>
    public double[,] CdfAtEdges { get; }

    /// <summary>P(X in cell i, Y in cell j).</summary>
    public double[,] CellProbabilities { get; }

    /// <summary>
    /// Builds the grid for <paramref name="law"/>. Range: cellsPerAxis in 2..20.
    /// </summary>
    public static JointGrid Create(IReferenceJointCdf2 law, int cellsPerAxis) =>
        Create(law, cellsPerAxis, law.Cdf);

    /// <summary>
    /// Builds the grid with edges from <paramref name="law"/>'s marginals but cell probabilities from
    /// another joint CDF (an alternative hypothesis, for power calculations).
    /// </summary>
    public static JointGrid Create(IReferenceJoint2 law, int cellsPerAxis, Func<double, double, double> jointCdf)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(jointCdf);
        if (cellsPerAxis < 2 || cellsPerAxis > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(cellsPerAxis), cellsPerAxis, "cellsPerAxis must be in 2..20.");
        }

        int k = cellsPerAxis;
        var xs = new double[k - 1];
        var ys = new double[k - 1];
        for (int i = 1; i < k; i++)
        {
            xs[i - 1] = law.MarginalX.Quantile((double)i / k);
            ys[i - 1] = law.MarginalY.Quantile((double)i / k);
        }

        var f = new double[k + 1, k + 1];
        for (int i = 0; i <= k; i++)
        {
            for (int j = 0; j <= k; j++)
            {
                double x = i == 0 ? double.NegativeInfinity : i == k ? double.PositiveInfinity : xs[i - 1];
                double y = j == 0 ? double.NegativeInfinity : j == k ? double.PositiveInfinity : ys[j - 1];
                f[i, j] = i == 0 || j == 0 ? 0
                    : i == k && j == k ? 1
                    : jointCdf(x, y);
            }
        }

        return new JointGrid(xs, ys, f);
    }

    /// <summary>Counts of (x, y) pairs per cell. Range: xs and ys of equal length.</summary>
    public int[,] Count(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
        {
            throw new ArgumentException($"xs and ys must have the same length (got {xs.Count} and {ys.Count}).", nameof(ys));
        }

        int k = CellsPerAxis;
        var counts = new int[k, k];
        for (int n = 0; n < xs.Count; n++)
        {
            counts[Cell(XEdges, xs[n]), Cell(YEdges, ys[n])]++;
        }

        return counts;
    }

    private static int Cell(IReadOnlyList<double> edges, double v)
    {
        int i = 0;
        while (i < edges.Count && v > edges[i])
        {
            i++;
        }

        return i;
    }
}
