using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// What the emitted step methods use, so that the class gets exactly the helpers it needs (a
/// deterministic LSTM has no draw hook and does not import GateDsl.Distributions).
/// </summary>
internal sealed class EmitFeatures
{
    /// <summary>The primitive laws drawn, in the order first met.</summary>
    public List<PrimitiveKind> DrawnLaws { get; } = new();

    /// <summary>Whether a head is read (<c>Head(z, k)</c>).</summary>
    public bool Heads { get; set; }

    /// <summary>Whether a constant is expanded to a [B, H] tensor (<c>Full(value, z)</c>).</summary>
    public bool Full { get; set; }

    /// <summary>Whether some moment is a mode (<c>ModeOrMean</c>).</summary>
    public bool ModeOrMean { get; set; }

    /// <summary>Whether some KL term is estimated by one draw (<c>MonteCarloKl</c>).</summary>
    public bool MonteCarloKl { get; set; }

    /// <summary>Whether any class of GateDsl.Distributions is named (samplers, laws, KL).</summary>
    public bool Toolkit { get; set; }

    /// <summary>Whether some Gamma draw is taken as its log (<c>"LogGamma"</c>), for a ratio of Gamma sums.</summary>
    public bool LogGamma { get; set; }

    /// <summary>Whether some gate is a ratio of Gamma sums formed from log draws (<c>Ratio</c>).</summary>
    public bool Ratio { get; set; }

    /// <summary>Whether the steps return a KL term.</summary>
    public bool Kl { get; set; }

    /// <summary>Whether anything is drawn.</summary>
    public bool Draws => DrawnLaws.Count > 0 || LogGamma;

    /// <summary>Records a draw of <paramref name="law"/>.</summary>
    public void Drawn(PrimitiveKind law)
    {
        if (!DrawnLaws.Contains(law))
        {
            DrawnLaws.Add(law);
        }

        Toolkit |= law != PrimitiveKind.Bernoulli;
    }
}
