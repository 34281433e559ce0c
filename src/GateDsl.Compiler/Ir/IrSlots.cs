namespace GateDsl.Compiler.Ir;

/// <summary>The instructions whose values are the cell's gates and candidate.</summary>
/// <param name="InputGate">i, in (0, 1).</param>
/// <param name="ForgetGate">f, in (0, 1).</param>
/// <param name="OutputGate">o, in (0, 1).</param>
/// <param name="Candidate">g, the cell input (tanh of a head in every standard cell).</param>
public sealed record IrSlots(int InputGate, int ForgetGate, int OutputGate, int Candidate)
{
    /// <summary>The four slots in the order i, f, o, candidate.</summary>
    public IEnumerable<int> All => [InputGate, ForgetGate, OutputGate, Candidate];

    /// <summary>The slots reading <paramref name="map"/>[k] wherever they read k.</summary>
    public IrSlots Remap(Func<int, int> map) => new(map(InputGate), map(ForgetGate), map(OutputGate), map(Candidate));
}
