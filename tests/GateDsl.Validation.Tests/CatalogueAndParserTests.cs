using TorchSharp;

namespace GateDsl.Validation.Tests;

public sealed class CatalogueAndParserTests
{
    [Fact]
    public void Catalogue_pairs_every_toolkit_distribution_with_a_reference_of_the_same_name_and_parameters()
    {
        Assert.Equal(
            ["Gamma", "Beta", "Kumaraswamy", "RelaxedBernoulli", "LogitNormal", "Logistic", "Uniform", "Normal", "BivariateBeta", "BivariateBeta5"],
            DistributionCatalogue.All.Select(e => e.Name));
        foreach (var e in DistributionCatalogue.All)
        {
            var sampler = e.CreateSampler(e.ExampleParameters, torch.ScalarType.Float64);
            Assert.Equal(e.Name, sampler.Name);
            if (e.IsJoint)
            {
                var r = e.CreateJointReference(e.ExampleParameters);
                Assert.Equal(e.Name, r.Name);
                Assert.Equal(e.ParameterNames, r.ParameterNames);
            }
            else
            {
                var r = e.CreateReference(e.ExampleParameters);
                Assert.Equal(e.Name, r.Name);
                Assert.Equal(e.ParameterNames, r.ParameterNames);
            }
        }
    }

    [Fact]
    public void Stdlib_defaults_complete_calls()
    {
        Assert.Equal([2.0, 1.0], DistributionCatalogue.Get("Gamma").Complete([2.0]));
        Assert.Equal([0.0, 1.0], DistributionCatalogue.Get("Normal").Complete([]));
        Assert.Equal([0.0, 1.0], DistributionCatalogue.Get("Uniform").Complete([]));
        Assert.Equal([0.0, 1.0], DistributionCatalogue.Get("Logistic").Complete([]));
        Assert.Throws<ArgumentException>(() => DistributionCatalogue.Get("Beta").Complete([1.0]));
    }

    [Theory]
    [InlineData("BivariateBeta(2, 3, 1.5)", "BivariateBeta", new[] { 2.0, 3.0, 1.5 })]
    [InlineData("  Beta( 0.5 ,0.5 ) ", "Beta", new[] { 0.5, 0.5 })]
    [InlineData("Gamma(2)", "Gamma", new[] { 2.0 })]
    [InlineData("Normal()", "Normal", new double[0])]
    [InlineData("LogitNormal(-0.3, 1e-1)", "LogitNormal", new[] { -0.3, 0.1 })]
    [InlineData("Logistic(+2.5E2, .5)", "Logistic", new[] { 250.0, 0.5 })]
    public void Parser_reads_distribution_calls(string text, string name, double[] arguments)
    {
        var call = DistributionCallParser.Parse(text);
        Assert.Equal(name, call.Name);
        Assert.Equal(arguments, call.Arguments);
    }

    [Theory]
    [InlineData("", "column 1: expected a distribution name")]
    [InlineData("Beta", "column 5: expected `(` after `Beta`; found end of input.")]
    [InlineData("Beta(1,)", "column 8: expected a number; found `)`.")]
    [InlineData("Beta(1 2)", "column 8: expected `,` or `)`; found `2`.")]
    [InlineData("Beta(1, 2) x", "column 12: unexpected text after the call")]
    [InlineData("Beta(a, 2)", "column 6: expected a number; found `a`.")]
    public void Parser_errors_name_the_column_and_what_was_expected(string text, string message)
    {
        Assert.False(DistributionCallParser.TryParse(text, out var call, out var error));
        Assert.Null(call);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
