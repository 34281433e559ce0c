namespace GateDsl.Compiler.Ir;

/// <summary>
/// One instruction of a cell program. Every instruction computes one value per hidden unit and batch
/// element (a [B, H] tensor in the TorchSharp backend) from the values of earlier instructions,
/// which it names by their index in <see cref="IrProgram.Nodes"/>. Instructions are records without
/// spans: two equal instructions compute the same value, which is how lowering shares common
/// subexpressions. Draws stay distinct through their <see cref="IrDraw.Id"/>.
/// </summary>
public abstract record IrNode
{
    /// <summary>The indices of the instructions this one reads, in order.</summary>
    public abstract IEnumerable<int> Operands { get; }

    /// <summary>The same instruction reading <paramref name="map"/>[k] wherever it read k.</summary>
    public abstract IrNode Remap(Func<int, int> map);
}
