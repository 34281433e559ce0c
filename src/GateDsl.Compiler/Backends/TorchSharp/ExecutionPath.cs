namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>How a layer runs its cell.</summary>
public enum ExecutionPath
{
    /// <summary>
    /// The fastest path the cell allows: libtorch's fused LSTM kernel for a cell that is exactly the
    /// standard LSTM; the fused kernel for any other cell it can run (on the CPU, with the default draws,
    /// no observer and no captured gates); the generic path otherwise.
    /// </summary>
    Auto,

    /// <summary>The cell's IR step by step with TorchSharp operations (any cell, any device, any draw source).</summary>
    Generic,

    /// <summary>libtorch's fused LSTM kernel (TorchSharp nn.LSTM); only for a cell that is exactly the standard LSTM.</summary>
    FusedLstm,

    /// <summary>
    /// The cell's IR run as one elementwise kernel per step on the CPU, the whole sequence one autograd
    /// node with its own backward (see Backends/TorchSharp/Fused); draws from counter-based streams
    /// seeded by <see cref="GateLayer.Seed"/>.
    /// </summary>
    FusedKernel,
}
