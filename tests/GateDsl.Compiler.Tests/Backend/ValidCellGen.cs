using FsCheck;
using FsCheck.Fluent;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// Random cells that check clean: every gate built from one of the language's ways (a link of
/// heads, products and powers of such, complements, stdlib laws with learned parameters, ratios of
/// Gamma sums, sigmoids of noisy heads), sometimes a correlated (i, f) pair, a candidate, priors on
/// drawn things, and an evaluation rule. A case that does not check clean is a bug of the generator,
/// and the property says so.
/// </summary>
internal static class ValidCellGen
{
    // Shapes from tiny to large. Not exp(linear): at the property's largest inputs it overflows, and
    // a ratio of two infinite shapes has no value to be right about.
    private static readonly Gen<string> Shape = Gen.Elements(
        "softplus(linear) + 0.001", "softplus(linear) + 0.5", "exp(tanh(linear)) + 0.01", "softplus(2 * linear) + 1");

    private static readonly Gen<string> Real = Gen.Elements(
        "linear", "0.5 * linear + linear", "3 * tanh(linear)", "linear - linear", "log(softplus(linear) + 1)", "-linear");

    private static Gen<string> Unit =>
        from a in Real
        from b in Real
        from e in Shape
        from form in Gen.Choose(0, 4)
        select form switch
        {
            0 => $"sigmoid({a})",
            1 => $"sigmoid({a}) * sigmoid({b})",
            2 => $"1 - sigmoid({a})",
            3 => $"sigmoid({a}) ^ 2",
            _ => $"sigmoid({a}) ^ ({e})",
        };

    /// <summary>The statements defining gate <paramref name="name"/>, plus priors that may follow it.</summary>
    private static Gen<(string Body, string Priors)> Gate(string name) =>
        from form in Gen.Choose(0, 8)
        from unit in Unit
        from s1 in Shape
        from s2 in Shape
        from r in Real
        from members in Gen.Choose(2, 4)
        from top in Gen.Choose(1, 3)
        from prior in Gen.Elements(true, false)
        select form switch
        {
            0 or 1 => ($"  gate {name} = {unit}\n", string.Empty),
            2 => ($"  gate {name} ~ Beta({s1}, {s2})\n", prior ? $"  prior {name} ~ Beta(1, 1) weight 0.1\n" : string.Empty),
            3 => ($"  gate {name} ~ Kumaraswamy({s1}, {s2})\n", string.Empty),
            4 => ($"  gate {name} ~ LogitNormal({r}, {s1})\n", string.Empty),
            5 => ($"  gate {name} ~ RelaxedBernoulli({s1}, {r})\n", string.Empty),
            6 => GammaRatio(name, s1, members, Math.Min(top, members - 1), prior),
            7 => ($"  draw {name}_noise ~ Logistic()\n  gate {name} = sigmoid({r} + {name}_noise)\n", string.Empty),
            _ => ($"  draw {name}_z ~ Normal(0, 0.5)\n  gate {name} = sigmoid({r} * {name}_z)\n", string.Empty),
        };

    private static (string Body, string Priors) GammaRatio(string name, string shape, int members, int top, bool prior)
    {
        var terms = Enumerable.Range(1, members).Select(k => $"{name}_g[{k}]").ToList();
        var body = $"  draw {name}_g[1..{members}] ~ Gamma({shape})\n  gate {name} = ({string.Join(" + ", terms.Take(top))}) / ({string.Join(" + ", terms)})\n";
        return (body, prior ? $"  prior {name}_g ~ Gamma(0.5, 1) weight 0.01\n" : string.Empty);
    }

    private static Gen<string> Candidate =>
        from a in Real
        from b in Real
        from form in Gen.Choose(0, 2)
        select form switch
        {
            0 => $"  candidate = tanh({a})\n",
            1 => $"  candidate = {a}\n",
            _ => $"  candidate = tanh({a}) * sigmoid({b})\n",
        };

    private static Gen<(string Body, string Priors)> InputAndForget =>
        from joint in Gen.Choose(0, 3)
        from shapes in Gen.ArrayOf(Shape, 5)
        from i in Gate("i")
        from f in Gate("f")
        select joint switch
        {
            0 => ($"  gate (i, f) ~ BivariateBeta({shapes[0]}, {shapes[1]}, {shapes[2]})\n", string.Empty),
            1 => ($"  gate (i, f) ~ BivariateBeta5({string.Join(", ", shapes)})\n", string.Empty),
            _ => (i.Body + f.Body, i.Priors + f.Priors),
        };

    /// <summary>A spec text with one cell named G.</summary>
    public static Gen<string> Spec =>
        from inputForget in InputAndForget
        from o in Gate("o")
        from candidate in Candidate
        from rule in Gen.Elements("mean", "sample")
        select "import \"distributions.gate\"\n\ncell G {\n"
            + inputForget.Body + o.Body + candidate
            + inputForget.Priors + o.Priors
            + $"  evaluate {rule}\n}}\n";
}
