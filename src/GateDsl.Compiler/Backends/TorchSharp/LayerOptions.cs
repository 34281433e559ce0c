namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>Options of a compiled sequence layer, with TorchSharp nn.LSTM's conventions.</summary>
public sealed record LayerOptions
{
    /// <summary>Stacked layers (nn.LSTM's num_layers). Range: at least 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Dropout probability on the outputs of every layer but the last, in training. Range: [0, 1).</summary>
    public double Dropout { get; init; }

    /// <summary>Plain or locked (variational) dropout.</summary>
    public DropoutKind DropoutKind { get; init; } = DropoutKind.Plain;

    /// <summary>Input and output as [B, T, features] instead of [T, B, features].</summary>
    public bool BatchFirst { get; init; }

    /// <summary>Which implementation runs the cell.</summary>
    public ExecutionPath Path { get; init; } = ExecutionPath.Auto;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming an option out of its range.</summary>
    public void Validate()
    {
        if (Layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "layers must be at least 1");
        }

        if (!(Dropout >= 0 && Dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "dropout must be in [0, 1)");
        }
    }
}
