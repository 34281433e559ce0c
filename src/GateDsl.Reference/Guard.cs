namespace GateDsl.Reference;

/// <summary>Parameter checks whose messages name the parameter and its allowed range.</summary>
internal static class Guard
{
    public static double Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0 (got {value}).");
        }

        return value;
    }

    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite real number (got {value}).");
        }

        return value;
    }

    public static double Probability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in the open interval (0, 1) (got {value}).");
        }

        return value;
    }

    public static void Count(IReadOnlyList<double> parameters, int expected, string distribution)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != expected)
        {
            throw new ArgumentException(
                $"{distribution} takes {expected} parameters (got {parameters.Count}).", nameof(parameters));
        }
    }

    public static void Sample(IReadOnlyCollection<double> sample, int minimum, string name)
    {
        ArgumentNullException.ThrowIfNull(sample, name);
        if (sample.Count < minimum)
        {
            throw new ArgumentException($"{name} must hold at least {minimum} values (got {sample.Count}).", name);
        }
    }
}
