using System.Globalization;

namespace GateDsl.Validation;

/// <summary>
/// Culture-invariant number formatting for reports, check descriptions and the tables gatec prints
/// from them (public so the CLI formats numbers the same way as the reports it shows).
/// </summary>
public static class Format
{
    /// <summary>A value with 6 significant digits (means, variances, quantiles, parameters).</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A value with 4 significant digits (test statistics and their bounds).</summary>
    public static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A probability with 3 significant digits (p-values, false-failure probabilities).</summary>
    public static string Probability(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
