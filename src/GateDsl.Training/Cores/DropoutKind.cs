namespace GateDsl.Training.Cores;

/// <summary>How dropout between recurrent layers draws its mask.</summary>
public enum DropoutKind
{
    /// <summary>A new mask at every step and unit (nn.LSTM's dropout).</summary>
    Plain,

    /// <summary>One mask per sequence, the same at every step (locked or variational dropout, as the paper's music code uses).</summary>
    Locked,
}
