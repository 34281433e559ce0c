using GateDsl.Language;
using GateDsl.Language.Binding;
using TorchSharp;

namespace GateDsl.Validation.Tests;

public sealed class CatalogueTests
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

    /// <summary>
    /// <c>gatec sample</c> hands a standard-library call's folded arguments to the catalogue by name and
    /// position, so the two must agree: same arity, same defaults, same value count. The call written
    /// with only the required arguments must come back completed exactly as the catalogue completes it.
    /// </summary>
    [Fact]
    public void Every_catalogue_entry_matches_the_language_definition_of_the_same_name()
    {
        foreach (var e in DistributionCatalogue.All)
        {
            var required = e.ExampleParameters.Take(e.RequiredCount).ToArray();
            var expression = $"{e.Name}({string.Join(", ", required.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))})";
            var compilation = Compiler.Compilation.ForCall(expression);
            Assert.False(compilation.HasErrors, $"{expression}: {string.Join("; ", compilation.Diagnostics)}");
            var call = compilation.Call!;
            Assert.True(call.IsStandardLibrary, expression);
            var definition = call.Distribution;
            Assert.Equal(e.Name, definition.Name);
            Assert.Equal(e.ParameterNames.Count, definition.Parameters.Length);
            Assert.Equal(e.Defaults, definition.Parameters.Select(p => p.Default));
            Assert.Equal(e.Complete(required), call.Arguments);
            Assert.Equal(e.ComponentCount, call.ValueCount);
        }
    }

    [Fact]
    public void Bernoulli_is_the_only_primitive_without_a_catalogue_entry()
    {
        var missing = PrimitiveDistribution.All.Keys.Where(name => DistributionCatalogue.Find(name) is null);
        Assert.Equal(["Bernoulli"], missing);
    }
}
