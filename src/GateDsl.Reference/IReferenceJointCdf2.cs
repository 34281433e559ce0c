namespace GateDsl.Reference;

/// <summary>A bivariate reference law whose joint CDF can be evaluated, as two-dimensional tests need.</summary>
public interface IReferenceJointCdf2 : IReferenceJoint2
{
    /// <summary>P(X &lt;= x, Y &lt;= y).</summary>
    double Cdf(double x, double y);
}
