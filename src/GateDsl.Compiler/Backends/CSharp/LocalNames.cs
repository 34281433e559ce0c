namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// Hands out the local names of one emitted method: each is a valid C# identifier, distinct from the
/// others and from the names the method body itself uses (<see cref="Reserved"/>).
/// </summary>
internal sealed class LocalNames
{
    /// <summary>
    /// Names the emitted step methods read (parameters, helpers, types, namespaces): a local of the
    /// same name would hide them.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "z", "step", "kl", "torch", "nn", "Math", "Head", "Full", "Sample", "Bernoulli", "ModeOrMean", "MonteCarloKl",
        "KlDivergence", "Tensor", "Distribution", "Gamma", "Uniform", "Normal", "Logistic", "Beta", "Kumaraswamy",
        "RelaxedBernoulli", "LogitNormal", "BivariateBeta", "BivariateBeta5", "GateDsl", "TorchSharp", "System",
    };

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private int _temporaries;

    /// <summary>A name for the spec name <paramref name="specName"/>: sanitized, then <c>_2</c>, <c>_3</c>, ... until free.</summary>
    public string For(string specName)
    {
        var name = CSharpNames.Sanitize(specName);
        if (CSharpNames.IsKeyword(name) || Reserved.Contains(name))
        {
            name += "_";
        }

        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = name + "_" + n;
        }

        return candidate;
    }

    /// <summary>The next free temporary: <c>t1</c>, <c>t2</c>, ...</summary>
    public string Temporary()
    {
        string candidate;
        do
        {
            candidate = "t" + ++_temporaries;
        }
        while (!_taken.Add(candidate));

        return candidate;
    }
}
