using GateDsl.Reference;

namespace GateDsl.Reference.Tests;

/// <summary>A catalogue of reference laws with parameters chosen to cover the hard corners
/// (shapes below 1 with singular densities, large shapes, low temperatures).</summary>
internal static class Laws
{
    private static readonly Dictionary<string, Func<IReferenceDistribution>> Catalogue = new()
    {
        ["Gamma(0.1,1)"] = () => new GammaReference(0.1, 1),
        ["Gamma(0.5,1)"] = () => new GammaReference(0.5, 1),
        ["Gamma(3,2)"] = () => new GammaReference(3, 2),
        ["Gamma(50,0.5)"] = () => new GammaReference(50, 0.5),
        ["Beta(0.2,0.3)"] = () => new BetaReference(0.2, 0.3),
        ["Beta(2,5)"] = () => new BetaReference(2, 5),
        ["Beta(0.5,8)"] = () => new BetaReference(0.5, 8),
        ["Normal(1,0.5)"] = () => new NormalReference(1, 0.5),
        ["Normal(-3,4)"] = () => new NormalReference(-3, 4),
        ["Logistic(0,1)"] = () => new LogisticReference(0, 1),
        ["Logistic(2,0.3)"] = () => new LogisticReference(2, 0.3),
        ["Uniform(-1,2)"] = () => new UniformReference(-1, 2),
        ["LogitNormal(0,1)"] = () => new LogitNormalReference(0, 1),
        ["LogitNormal(1.5,2.5)"] = () => new LogitNormalReference(1.5, 2.5),
        ["Kumaraswamy(0.5,0.7)"] = () => new KumaraswamyReference(0.5, 0.7),
        ["Kumaraswamy(2,5)"] = () => new KumaraswamyReference(2, 5),
        ["RelaxedBernoulli(0.5,0)"] = () => new RelaxedBernoulliReference(0.5, 0),
        ["RelaxedBernoulli(0.3,1)"] = () => new RelaxedBernoulliReference(0.3, 1),
        ["RelaxedBernoulli(2,-1)"] = () => new RelaxedBernoulliReference(2, -1),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Catalogue.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static IReadOnlyList<string> NameList => [.. Catalogue.Keys];

    /// <summary>
    /// Laws whose density can be integrated in x itself. Gamma(0.1) keeps 3% of its mass below
    /// 1e-15, Beta(0.2, 0.3) 0.06% and RelaxedBernoulli(0.3, 1) 4e-5 within 1e-16 of 1; a
    /// double-exponential rule in x cannot reach below about 1e-15 of an endpoint (nor can x itself
    /// next to 1), so those are checked only in transformed coordinates.
    /// </summary>
    public static TheoryData<string> OriginalCoordinateNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Catalogue.Keys.Where(n => n is not "Gamma(0.1,1)" and not "Beta(0.2,0.3)" and not "RelaxedBernoulli(0.3,1)"))
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static IReferenceDistribution Get(string name) => Catalogue[name]();

    /// <summary>Relative-or-absolute closeness: |a - b| &lt;= tol * max(1, |b|).</summary>
    public static bool Close(double actual, double expected, double tol) =>
        Math.Abs(actual - expected) <= tol * Math.Max(1, Math.Abs(expected));

    public static void AssertClose(double expected, double actual, double tol, string what)
    {
        Assert.True(Close(actual, expected, tol), $"{what}: expected {expected:R}, got {actual:R} (|diff| = {Math.Abs(actual - expected):E3}, tol {tol:E1})");
    }

    /// <summary>
    /// Integral of the density over [lower, upper] in the ORIGINAL coordinate with MathNet's
    /// double-exponential rule (which tolerates endpoint singularities), split at fixed quantiles so
    /// that narrow peaks are not stepped over: a route independent of the library's transformed
    /// quadrature (only the split points come from the quantile).
    /// </summary>
    public static double IntegratePdf(IReferenceDistribution d, double lower, double upper)
    {
        var cuts = new List<double> { lower };
        foreach (double p in new[] { 1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-6 })
        {
            double q = d.Quantile(p);
            if (q > cuts[^1] && q < upper)
            {
                cuts.Add(q);
            }
        }

        cuts.Add(upper);
        double sum = 0;
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            sum += MathNet.Numerics.Integrate.DoubleExponential(d.Pdf, cuts[i], cuts[i + 1], 1e-13);
        }

        return sum;
    }

    /// <summary>
    /// True when x is within a few ulps of the upper end of a bounded support: quantiles beyond that
    /// are not representable in double precision (for Beta(0.2, 0.3), 1 - Q(1 - 1e-6) is about 1e-20).
    /// </summary>
    public static bool AtRepresentableEdge(IReferenceDistribution d, double x) =>
        double.IsFinite(d.SupportUpper) && d.SupportUpper - x <= 4e-16 * Math.Max(1, Math.Abs(d.SupportUpper));

    /// <summary>Where the original-coordinate integral starts: the support's end, or far in the tail.</summary>
    public static double Start(IReferenceDistribution d) =>
        double.IsFinite(d.SupportLower) ? d.SupportLower : d.Mean - 60 * Math.Sqrt(d.Variance);

    public static double End(IReferenceDistribution d) =>
        double.IsFinite(d.SupportUpper) ? d.SupportUpper : d.Mean + 60 * Math.Sqrt(d.Variance) + 60;
}
