using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Recognises a cell that is exactly the standard LSTM (no draws, no priors, four heads:
/// i = sigmoid(head a), f = sigmoid(head b), o = sigmoid(head c), g = tanh(head d)), which a layer may
/// run with libtorch's fused kernel. nn.LSTM orders its row blocks i, f, g, o.
/// </summary>
public static class StandardLstm
{
    /// <summary>The heads of i, f, o and g, or null when the cell is not the standard LSTM.</summary>
    public static (int I, int F, int O, int G)? Match(IrCell cell)
    {
        var p = cell.Training;
        if (cell.HeadCount != 4 || p.IsStochastic || p.KlTerms.Length > 0)
        {
            return null;
        }

        int? Head(int slot, BuiltinFunction function) =>
            p.Nodes[slot] is IrLink l && l.Function == function && p.Nodes[l.Operand] is IrHead h ? h.Index : null;

        var s = p.Slots;
        if (Head(s.InputGate, BuiltinFunction.Sigmoid) is not { } i
            || Head(s.ForgetGate, BuiltinFunction.Sigmoid) is not { } f
            || Head(s.OutputGate, BuiltinFunction.Sigmoid) is not { } o
            || Head(s.Candidate, BuiltinFunction.Tanh) is not { } g
            || new[] { i, f, o, g }.Distinct().Count() != 4)
        {
            return null;
        }

        return (i, f, o, g);
    }

    /// <summary>
    /// For each of our heads 0..3, the nn.LSTM row block holding it (nn.LSTM: 0 = i, 1 = f, 2 = g, 3 = o).
    /// </summary>
    public static int[] BlockOfHead((int I, int F, int O, int G) heads)
    {
        var blocks = new int[4];
        blocks[heads.I] = 0;
        blocks[heads.F] = 1;
        blocks[heads.G] = 2;
        blocks[heads.O] = 3;
        return blocks;
    }
}
