namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>How dropout between stacked layers draws its mask.</summary>
public enum DropoutKind
{
    /// <summary>A fresh mask for every element (TorchSharp nn.LSTM's dropout).</summary>
    Plain,

    /// <summary>One mask per sequence and unit, shared by every time step (locked or variational dropout, as the paper's music code uses).</summary>
    Locked,
}
