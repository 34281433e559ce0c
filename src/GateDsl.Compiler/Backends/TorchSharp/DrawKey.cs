namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>Names one draw of a run: which layer, which sequence, which time step, which draw of the cell's program.</summary>
/// <param name="Layer">0-based layer of a stacked layer (0 for a single cell).</param>
/// <param name="Sequence">How many sequences the cell began before this one (<see cref="GateCell.BeginSequence"/>): each batch gets fresh draws.</param>
/// <param name="Step">0-based time step within the sequence.</param>
/// <param name="Draw">The draw's <see cref="Ir.IrDraw.Id"/> in the program being run.</param>
public readonly record struct DrawKey(int Layer, long Sequence, long Step, int Draw);
