using System.Globalization;
using System.Text;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// Prints the gate IR as text (<c>gatec describe --ir</c>): one line per instruction as
/// <c>%k = ...</c> with constants written inline and source names as comments, then the slots and
/// KL terms; and laws as expressions over source names (<c>Beta(shape(g[1]) + shape(g[3]), ...)</c>).
/// </summary>
public static class IrPrinter
{
    private const int NameColumn = 40;

    /// <summary>The whole cell: both programs and what is known of each gate.</summary>
    public static string Print(IrCell cell)
    {
        var b = new StringBuilder();
        b.Append("cell ").Append(cell.Name).Append(": K = ").Append(cell.HeadCount).Append(" heads, evaluate ")
            .Append(cell.Rule.ToString().ToLowerInvariant()).Append('\n');
        foreach (var h in cell.HyperParameters)
        {
            b.Append("  hyperparameter ").Append(h.Name).Append(" = ").Append(Number(h.Value)).Append(h.IsDefault ? " (default)" : string.Empty).Append('\n');
        }

        b.Append("training step:\n");
        PrintProgram(b, cell.Training);
        if (ReferenceEquals(cell.Evaluation, cell.Training))
        {
            b.Append("evaluation step: as in training (evaluate sample)\n");
        }
        else
        {
            b.Append("evaluation step:\n");
            PrintProgram(b, cell.Evaluation);
        }

        b.Append("gates:\n");
        foreach (var gate in cell.Gates)
        {
            b.Append("  ").Append(GateLine(cell, gate)).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>One gate: its law (or that it is deterministic or unknown), its pair, and how evaluation computes it.</summary>
    public static string GateLine(IrCell cell, IrGate gate)
    {
        var law = gate switch
        {
            { IsStochastic: false } => "deterministic",
            { Law: { } l } => "~ " + Law(cell.Training, l),
            _ => "law unknown",
        };
        var joint = gate.Joint is { } j && j.Component == 0
            ? $"; ({gate.Name}, {j.Partner}) ~ {Law(cell.Training, j.Law)}"
            : string.Empty;
        return $"{gate.Name} {law}{joint}; evaluation: {EvaluationText(gate.Evaluation)}";
    }

    /// <summary>How an evaluation kind reads in <c>describe</c>.</summary>
    public static string EvaluationText(GateEvaluation evaluation) => evaluation switch
    {
        GateEvaluation.Deterministic => "as in training",
        GateEvaluation.Sampled => "sampled",
        GateEvaluation.ExactMean => "exact mean",
        GateEvaluation.PlugInMean => "plug-in (each draw replaced by its mean; not the gate's mean)",
        GateEvaluation.ExactMode => "mode of its law (its mean where the mode is not unique)",
        GateEvaluation.PlugInMode => "plug-in (each draw replaced by its mode)",
        _ => evaluation.ToString(),
    };

    /// <summary>A law with its parameters written as expressions over source names.</summary>
    public static string Law(IrProgram program, IrLaw law) =>
        law.Family + "(" + string.Join(", ", law.Parameters.Select(p => Expression(program, p))) + ")";

    /// <summary>The value of instruction <paramref name="index"/> as an expression over names, heads and numbers.</summary>
    public static string Expression(IrProgram program, int index) => Expression(program, index, depth: 0, top: true);

    private static string Expression(IrProgram program, int index, int depth, bool top)
    {
        if (program.Names.TryGetValue(index, out var name))
        {
            return name;
        }

        if (depth > 12)
        {
            return "%" + index;
        }

        return program.Nodes[index] switch
        {
            IrConstant c => Number(c.Value),
            IrHead h => "head " + h.Index,
            IrDraw d => $"draw {d.Law}({string.Join(", ", d.Arguments.Select(a => Expression(program, a, depth + 1, false)))})",
            IrLink l => BuiltinFunctions.Name(l.Function) + "(" + Expression(program, l.Operand, depth + 1, false) + ")",
            IrNegate n => "-" + Wrap(program, n.Operand, depth),
            IrBinary bin => Wrap(program, bin.Left, depth) + " " + BinaryOperatorText.Of(bin.Operator) + " " + Wrap(program, bin.Right, depth),
            IrMoment m => $"{m.Kind.ToString().ToLowerInvariant()} of {Law(program, m.Law)}",
            _ => "%" + index,
        };
    }

    private static string Wrap(IrProgram program, int index, int depth)
    {
        var text = Expression(program, index, depth + 1, false);
        return program.Nodes[index] is IrBinary && !program.Names.ContainsKey(index) ? "(" + text + ")" : text;
    }

    private static void PrintProgram(StringBuilder b, IrProgram program)
    {
        for (var k = 0; k < program.Nodes.Length; k++)
        {
            var node = program.Nodes[k];
            if (node is IrConstant)
            {
                continue;
            }

            var line = $"  %{k} = {Instruction(program, node)}";
            if (program.Names.TryGetValue(k, out var name))
            {
                line = line.PadRight(NameColumn) + "; " + name;
            }

            b.Append(line).Append('\n');
        }

        var s = program.Slots;
        b.Append($"  i = {Operand(program, s.InputGate)}, f = {Operand(program, s.ForgetGate)}, o = {Operand(program, s.OutputGate)}, candidate = {Operand(program, s.Candidate)}\n");
        foreach (var term in program.KlTerms)
        {
            b.Append($"  kl {term.Target}: {Number(term.Weight)} * KL({LawOperands(program, term.Posterior)} || {LawOperands(program, term.Prior)}) by {MethodText(term.Method)}\n");
        }
    }

    private static string Instruction(IrProgram program, IrNode node) => node switch
    {
        IrHead h => "head " + h.Index,
        IrDraw d => $"draw {d.Law}({string.Join(", ", d.Arguments.Select(a => Operand(program, a)))})",
        IrLink l => BuiltinFunctions.Name(l.Function) + " " + Operand(program, l.Operand),
        IrNegate n => "neg " + Operand(program, n.Operand),
        IrBinary bin => Operand(program, bin.Left) + " " + BinaryOperatorText.Of(bin.Operator) + " " + Operand(program, bin.Right),
        IrMoment m => $"{m.Kind.ToString().ToLowerInvariant()} {LawOperands(program, m.Law)}" + (m.Law.IsJoint ? $" component {m.Component}" : string.Empty),
        _ => node.ToString(),
    };

    private static string LawOperands(IrProgram program, IrLaw law) =>
        law.Family + "(" + string.Join(", ", law.Parameters.Select(p => Operand(program, p))) + ")";

    private static string Operand(IrProgram program, int index) =>
        program.Nodes[index] is IrConstant c ? Number(c.Value) : "%" + index;

    private static string MethodText(Distributions.KlMethod method) => method switch
    {
        Distributions.KlMethod.Exact => "closed form",
        Distributions.KlMethod.TruncatedSeries => "truncated series",
        Distributions.KlMethod.UpperBound => "upper bound",
        _ => "Monte Carlo",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
