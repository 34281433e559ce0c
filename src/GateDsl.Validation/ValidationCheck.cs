namespace GateDsl.Validation;

/// <summary>
/// One named check of the suite: which distribution, which property, its false-failure probability
/// (0 for deterministic comparisons), and how to run it against a sampler.
/// </summary>
public sealed class ValidationCheck
{
    private readonly Func<SamplerUnderTest, CheckOutcome> _run;

    internal ValidationCheck(string distribution, string property, double falseFailureProbability, Func<SamplerUnderTest, CheckOutcome> run)
    {
        Distribution = distribution;
        Property = property;
        FalseFailureProbability = falseFailureProbability;
        _run = run;
    }

    /// <summary>The law checked, with its parameters, e.g. <c>Beta(a = 0.7, b = 2.5)</c>.</summary>
    public string Distribution { get; }

    /// <summary>What is checked, e.g. <c>law x (KS)</c> or <c>d x / d a</c>.</summary>
    public string Property { get; }

    /// <summary>Probability that a correct sampler fails this check (0: deterministic).</summary>
    public double FalseFailureProbability { get; }

    /// <summary>True for checks with a positive false-failure probability.</summary>
    public bool IsStatistical => FalseFailureProbability > 0;

    /// <summary>Runs the check; an exception becomes a failed outcome carrying its message.</summary>
    public CheckResult Run(SamplerUnderTest sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        CheckOutcome outcome;
        try
        {
            outcome = _run(sampler);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or ArithmeticException or System.Runtime.InteropServices.ExternalException)
        {
            outcome = new CheckOutcome(double.NaN, double.NaN, false, $"error: {e.Message}");
        }

        return new CheckResult(this, outcome, watch.Elapsed);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Distribution}: {Property}";
}
