using GateDsl.Compiler.Ir;

namespace GateDsl.Training.Cores;

/// <summary>
/// Which heads of the fused affine map each gate reads, from the cell's training program: the LSTM's i
/// reads one head, the 5-Gamma cell's i reads the heads of G1, G3, G4 and G5 (its shapes), CIFG's f
/// reads i's head. The gradient plot averages |dLoss/dz| over a gate's heads.
/// </summary>
internal static class GateHeads
{
    /// <summary>The gate names in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Names = ["i", "f", "o", "candidate"];

    /// <summary>For i, f, o and candidate, the 0-based indices of the heads it depends on (gates that read none are left out).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> Of(IrCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var program = cell.Training;
        var slots = new[] { program.Slots.InputGate, program.Slots.ForgetGate, program.Slots.OutputGate, program.Slots.Candidate };
        var heads = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        for (var g = 0; g < slots.Length; g++)
        {
            var reachable = program.Reachable([slots[g]]);
            var read = program.Nodes
                .Select((node, index) => (node, index))
                .Where(n => reachable[n.index] && n.node is IrHead)
                .Select(n => ((IrHead)n.node).Index)
                .Distinct()
                .Order()
                .ToList();
            if (read.Count > 0)
            {
                heads[Names[g]] = read;
            }
        }

        return heads;
    }
}
