namespace GateDsl.Validation;

/// <summary>How many draws the validation suite uses.</summary>
public enum SuiteSize
{
    /// <summary>For tests and CI: seconds per distribution.</summary>
    Quick,

    /// <summary>For <c>gatec validate</c>: twenty times the law draws and ten times the gradient draws, so smaller discrepancies are detected.</summary>
    Full,
}
