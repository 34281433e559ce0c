namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>How a layer runs its cell.</summary>
public enum ExecutionPath
{
    /// <summary>The fastest path the cell allows: libtorch's fused LSTM kernel for a cell that is exactly the standard LSTM, the generic path otherwise.</summary>
    Auto,

    /// <summary>The cell's IR step by step with TorchSharp operations (any cell, any device).</summary>
    Generic,

    /// <summary>libtorch's fused LSTM kernel (TorchSharp nn.LSTM); only for a cell that is exactly the standard LSTM.</summary>
    FusedLstm,
}
