namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// The learnable parameters of a compiled cell, as in the paper's code and PyTorch's LSTMCell with
/// one bias: the K heads are K blocks of H rows of one fused affine map over [x_t, h_{t-1}],
/// W_ih [K*H, I], W_hh [K*H, H] and a bias [K*H]; K*H*(I+H) + K*H numbers in all.
/// </summary>
/// <param name="Heads">K.</param>
/// <param name="InputSize">I.</param>
/// <param name="HiddenSize">H.</param>
public readonly record struct CellLayout(int Heads, long InputSize, long HiddenSize)
{
    /// <summary>K*H: rows of the fused weights.</summary>
    public long Rows => checked(Heads * HiddenSize);

    /// <summary>K*H*(I+H) + K*H, in checked 64-bit arithmetic (<see cref="OverflowException"/> past long.MaxValue).</summary>
    public long ParameterCount => checked((Rows * (InputSize + HiddenSize)) + Rows);

    /// <summary>The formula with K filled in, as <c>gatec describe</c> prints it: <c>7*H*(I+H) + 7*H</c>.</summary>
    public static string Formula(int heads) => $"{heads}*H*(I+H) + {heads}*H";

    /// <summary>The bound of the uniform initialisation of every weight, 1/sqrt(H) (as PyTorch's LSTM).</summary>
    public double InitBound => 1.0 / Math.Sqrt(HiddenSize);
}
