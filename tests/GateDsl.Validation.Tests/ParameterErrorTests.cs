using GateDsl.Cli;
using GateDsl.Cli.Sampling;
using GateDsl.Distributions;

namespace GateDsl.Validation.Tests;

/// <summary>
/// <c>gatec sample</c> turns only the samplers' parameter validation into a usage error: those
/// failures are <see cref="DistributionParameterException"/>s, raised before anything is drawn and
/// before the references (whose own checks would speak .NET: "(Parameter 'high') Actual value was 1.").
/// Nothing here draws.
/// </summary>
public sealed class ParameterErrorTests
{
    [Theory]
    [InlineData("Uniform", new[] { 2.0, 1.0 }, "high", "Uniform: high must be > low (Range: low < high); got low = 2, high = 1 at index 0")]
    [InlineData("Beta", new[] { 2.0, -1.0 }, "b", "Beta: b must be > 0 (Range: b > 0); got -1 at index 0")]
    [InlineData("Normal", new[] { 0.0, 0.0 }, "sigma", "Normal: sigma must be > 0 (Range: sigma > 0); got 0 at index 0")]
    public void Out_of_range_values_are_a_DistributionParameterException_with_one_clean_line(string name, double[] parameters, string parameter, string message)
    {
        var ex = Assert.Throws<DistributionParameterException>(() => SampleAnalysis.Sample(name, parameters, 10, 0));

        Assert.Equal(message, ex.Message);
        Assert.Equal(parameter, ex.ParamName);
    }

    /// <summary>
    /// The example parameters pass validation, and the same validation rejects each parameter made NaN
    /// (a validation that accepted everything would pass the first half alone).
    /// </summary>
    [Fact]
    public void Catalogue_validation_accepts_the_example_parameters_and_rejects_a_NaN_in_each()
    {
        foreach (var entry in DistributionCatalogue.All)
        {
            Assert.Null(Record.Exception(() => entry.ValidateParameters(entry.ExampleParameters)));
            for (var k = 0; k < entry.ParameterNames.Count; k++)
            {
                var bad = entry.ExampleParameters.ToArray();
                bad[k] = double.NaN;
                var ex = Assert.Throws<DistributionParameterException>(() => entry.ValidateParameters(bad));
                Assert.Equal(entry.ParameterNames[k], ex.ParamName);
            }
        }
    }

    [Fact]
    public void Other_argument_errors_are_not_parameter_errors()
    {
        // Wrong arity and unknown names cannot come from a compiled call: for gatec they are bugs, not usage errors.
        var arity = Assert.ThrowsAny<ArgumentException>(() => SampleAnalysis.Sample("Beta", [1.0], 10, 0));
        Assert.IsNotType<DistributionParameterException>(arity);
        var unknown = Assert.ThrowsAny<ArgumentException>(() => SampleAnalysis.Sample("Betta", [1.0, 2.0], 10, 0));
        Assert.IsNotType<DistributionParameterException>(unknown);
    }

    [Fact]
    public void The_runner_reports_a_parameter_error_as_a_diagnostic_and_exit_1_without_drawing()
    {
        var compilation = Compiler.Compilation.ForCall("Uniform(2, 1)", []);
        Assert.False(compilation.HasErrors);
        var call = compilation.Call!;
        using var @out = new StringWriter();
        using var err = new StringWriter();

        var code = SampleCommandRunner.Run(call, 10, 0, json: false, plotPath: null, @out, err);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith("<expr>(1,12): error GATE0312: the sampler rejects this value: Uniform: high must be > low (Range: low < high); got low = 2, high = 1 at index 0\n", @out.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, err.ToString());
    }
}
