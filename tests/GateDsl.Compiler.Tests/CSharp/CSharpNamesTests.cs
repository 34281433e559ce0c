using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>Spec names as C# names, class names, and namespaces given on the command line.</summary>
public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("g[1]", "g1")]
    [InlineData("shape(g[1])", "shape_g1")]
    [InlineData("a(i)", "a_i")]
    [InlineData("i.u", "i_u")]
    [InlineData("(i, f).u", "i_f_u")]
    [InlineData("noise_i", "noise_i")]
    [InlineData("[1]", "_1")]
    public void Spec_names_become_identifiers(string specName, string expected) =>
        Assert.Equal(expected, CSharpNames.Sanitize(specName));

    [Fact]
    public void Keywords_reserved_and_repeated_names_get_other_locals()
    {
        var names = new LocalNames();
        Assert.Equal("in_", names.For("in"));
        Assert.Equal("z_", names.For("z"));
        Assert.Equal("g1", names.For("g[1]"));
        Assert.Equal("g1_2", names.For("g1"));
        Assert.Equal("t1", names.Temporary());
        Assert.Equal("t1_2", names.For("t1"));
        Assert.Equal("t2", names.Temporary());
    }

    [Theory]
    [InlineData("BBetaLSTM5G", "BBetaLSTM5G")]
    [InlineData("Gamma", "GammaCell")]
    [InlineData("Kl", "KlCell")]
    [InlineData("Tensor", "TensorCell")]
    [InlineData("double", "doubleCell")]
    public void Class_names_avoid_what_the_class_uses(string cell, string expected) =>
        Assert.Equal(expected, CSharpEmitter.ClassName(cell));

    [Theory]
    [InlineData("MyApp.Cells", null)]
    [InlineData("GateDsl.Generated", null)]
    [InlineData("", "the namespace is empty")]
    [InlineData("a..b", "has an empty part")]
    [InlineData("My.class", "'class' is a C# keyword")]
    [InlineData("1a", "'1a' is not a C# name")]
    [InlineData("a-b", "'a-b' is not a C# name")]
    public void Namespaces_are_dotted_CSharp_names(string ns, string? problem)
    {
        var actual = CSharpNames.NamespaceProblem(ns);
        if (problem is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(problem, actual);
        }
    }
}
