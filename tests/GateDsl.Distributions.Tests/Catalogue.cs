using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions.Tests;

/// <summary>Every distribution with valid parameter values, for tests that must cover all of them.</summary>
internal static class Catalogue
{
    public static readonly CatalogueEntry[] All =
    [
        new("Gamma", ["shape", "rate"], [1.7, 2.0], p => new Gamma(p[0], p[1])),
        new("Beta", ["a", "b"], [0.7, 2.5], p => new Beta(p[0], p[1])),
        new("BivariateBeta", ["a", "b", "c"], [2.0, 3.0, 1.5], p => new BivariateBeta(p[0], p[1], p[2])),
        new("BivariateBeta5", ["a1", "a2", "a3", "a4", "a5"], [0.9, 1.3, 0.6, 0.8, 1.1], p => new BivariateBeta5(p[0], p[1], p[2], p[3], p[4])),
        new("Kumaraswamy", ["a", "b"], [2.0, 3.0], p => new Kumaraswamy(p[0], p[1])),
        new("RelaxedBernoulli", ["temperature", "logits"], [0.5, 0.3], p => new RelaxedBernoulli(p[0], p[1])),
        new("LogitNormal", ["mu", "sigma"], [0.2, 0.8], p => new LogitNormal(p[0], p[1])),
        new("Logistic", ["loc", "scale"], [0.5, 1.5], p => new Logistic(p[0], p[1])),
        new("Uniform", ["low", "high"], [-1.0, 2.0], p => new Uniform(p[0], p[1])),
        new("Normal", ["mu", "sigma"], [0.5, 1.5], p => new Normal(p[0], p[1])),
    ];

    public static CatalogueEntry Get(string name) => All.Single(e => e.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var e in All)
        {
            data.Add(e.Name);
        }

        return data;
    }

    public static TheoryData<string, int> NamesAndParameters()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in All)
        {
            for (var k = 0; k < e.Parameters.Length; k++)
            {
                data.Add(e.Name, k);
            }
        }

        return data;
    }
}
