using System.Globalization;

namespace GateDsl.Validation;

/// <summary>Culture-invariant number formatting for reports, tables and JSON.</summary>
internal static class Format
{
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Probability(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
