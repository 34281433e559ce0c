using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;

namespace GateDsl.Validation.Cells;

/// <summary>
/// Evaluates the deterministic instructions of a cell program in double precision at fixed head
/// values: how validation gets the numbers of an inferred law's parameters (Beta(shape(g[1]) +
/// shape(g[3]), ...)), independently of the TorchSharp backend whose draws it checks.
/// </summary>
internal static class HeadValues
{
    /// <summary>The value of instruction <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The instruction depends on a draw or a moment (a law's parameters never do).</exception>
    public static double Evaluate(IrProgram program, int index, IReadOnlyList<double> heads)
    {
        var values = new double[index + 1];
        var known = new bool[index + 1];
        for (var k = 0; k <= index; k++)
        {
            (values[k], known[k]) = program.Nodes[k] switch
            {
                IrHead h => (heads[h.Index], true),
                IrConstant c => (c.Value, true),
                IrLink l => (BuiltinFunctions.Evaluate(l.Function, values[l.Operand]), known[l.Operand]),
                IrNegate n => (-values[n.Operand], known[n.Operand]),
                IrBinary b => (BinaryOperators.Evaluate(b.Operator, values[b.Left], values[b.Right]), known[b.Left] && known[b.Right]),
                _ => (double.NaN, false),
            };
        }

        return known[index]
            ? values[index]
            : throw new InvalidOperationException($"internal error: instruction %{index} depends on a draw, so it has no value at fixed heads.");
    }
}
