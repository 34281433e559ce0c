namespace GateDsl.Reference;

/// <summary>
/// Implemented by laws on (0, 1) whose log density can take x and 1 - x separately. Near 1 the value
/// x itself rounds to 1.0 and loses all information about 1 - x; with shapes below 1 a visible share
/// of the mass sits there, so quadrature in logit space passes both to stay accurate.
/// </summary>
internal interface IUnitIntervalLogDensity
{
    /// <summary>log f(x) given x and its complement 1 - x, both computed without cancellation.</summary>
    double LogPdf(double x, double complement);
}
