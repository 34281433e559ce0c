using System.Globalization;
using GateDsl.Reference;
using TorchSharp;
using LanguageSupport = GateDsl.Language.Binding.Support;
using ToolkitSupport = GateDsl.Distributions.Support;

namespace GateDsl.Validation.Tests;

/// <summary>The one mapping between the language's, the toolkit's and the reference's support enums.</summary>
public sealed class SupportMapTests
{
    [Fact]
    public void Every_member_of_each_enum_maps_and_the_same_sets_round_trip()
    {
        Assert.All(Enum.GetValues<LanguageSupport>(), s => Assert.Equal(s, SupportMap.ToLanguage(SupportMap.ToToolkit(s))));
        Assert.All(Enum.GetValues<ToolkitSupport>(), s => Assert.Equal(s, SupportMap.ToToolkit(SupportMap.ToLanguage(s))));
        Assert.All(Enum.GetValues<ToolkitSupport>(), s => Assert.Equal(s, SupportMap.ToToolkit(SupportMap.ToReference(s))));
        var fromReference = Enum.GetValues<SupportKind>().Select(SupportMap.ToToolkit).ToHashSet();
        Assert.Equal(Enum.GetValues<ToolkitSupport>().ToHashSet(), fromReference);
        Assert.Equal(ToolkitSupport.Real, SupportMap.ToToolkit(SupportKind.Interval));
        Assert.Equal(
            (ToolkitSupport.Real, ToolkitSupport.Positive, ToolkitSupport.UnitInterval),
            (SupportMap.ToToolkit(LanguageSupport.Real), SupportMap.ToToolkit(LanguageSupport.Positive), SupportMap.ToToolkit(LanguageSupport.UnitInterval)));
    }

    [Fact]
    public void A_member_without_a_mapping_is_an_error_that_names_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SupportMap.ToLanguage((ToolkitSupport)99));
        Assert.Contains("GateDsl.Distributions.Support.99 has no mapping in SupportMap", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportMap.ToToolkit((SupportKind)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportMap.ToToolkit((LanguageSupport)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportMap.ToReference((ToolkitSupport)99));
    }

    /// <summary>
    /// The three layers describe one law alike: the toolkit sampler's support is its reference twin's
    /// (per component) and the support the binder infers for the standard-library call of the same name.
    /// </summary>
    [Fact]
    public void Sampler_reference_and_language_declaration_of_every_catalogue_law_have_one_support()
    {
        foreach (var e in DistributionCatalogue.All)
        {
            var sampler = e.CreateSampler(e.ExampleParameters, torch.ScalarType.Float64);
            for (var c = 0; c < e.ComponentCount; c++)
            {
                Assert.True(
                    sampler.Support == SupportMap.ToToolkit(e.MarginalReference(e.ExampleParameters, c).Support),
                    $"{e.Name} component {c}: sampler {sampler.Support}, reference {e.MarginalReference(e.ExampleParameters, c).Support}");
            }

            var expression = $"{e.Name}({string.Join(", ", e.ExampleParameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))})";
            var compilation = Compiler.Compilation.ForCall(expression);
            Assert.False(compilation.HasErrors, $"{expression}: {string.Join("; ", compilation.Diagnostics)}");
            Assert.Equal(e.ComponentCount, compilation.Call!.ValueSupports.Length);
            Assert.All(compilation.Call.ValueSupports, s => Assert.Equal(sampler.Support, SupportMap.ToToolkit(s)));
        }
    }
}
