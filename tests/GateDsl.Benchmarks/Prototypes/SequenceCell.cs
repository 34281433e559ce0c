namespace GateDsl.Benchmarks.Prototypes;

/// <summary>A cell's elementwise step in both element types, chosen by the input's dtype.</summary>
/// <param name="Name">For reports.</param>
/// <param name="Single">The float32 step.</param>
/// <param name="Double">The float64 step.</param>
/// <param name="HasKl">Whether the step returns a KL term (the KL output is zeros otherwise).</param>
public sealed record SequenceCell(string Name, ISequenceStep<float> Single, ISequenceStep<double> Double, bool HasKl)
{
    /// <summary>The standard LSTM (i, f, g, o; PyTorch's gate order).</summary>
    public static SequenceCell Lstm { get; } = new("LSTM", new LstmStep<float>(), new LstmStep<double>(), false);

    /// <summary>The coupled input-forget gate cell (f = 1 - i; heads i, o, g).</summary>
    public static SequenceCell Cifg { get; } = new("CIFG", new CifgStep<float>(), new CifgStep<double>(), false);

    /// <summary>The 5-Gamma bivariate Beta cell in training mode, with or without its Gamma(0.5, 1) prior KL.</summary>
    public static SequenceCell BBeta5G(bool withKl) => new(
        withKl ? "BBetaLSTM5GPrior" : "BBetaLSTM5G",
        new BBeta5GStep<float>(withKl),
        new BBeta5GStep<double>(withKl),
        withKl);
}
