using System.Globalization;
using System.Text;
using GateDsl.Distributions;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// Prints the gate IR as text (<c>gatec describe --ir</c>): a header with K, the rule and the
/// hyperparameters; each program as one line per instruction, <c>%k = ...</c>, with constants written
/// inline (so their indices do not appear) and source names as comments; the slots and KL terms; then
/// what is known of each gate, its law both over instruction operands and over source names
/// (<c>Beta(shape(g[1]) + shape(g[3]), ...)</c>), and how evaluation computes it.
/// </summary>
public static class IrPrinter
{
    private const int CommentColumn = 40;

    /// <summary>The whole cell: both programs and what is known of each gate. Lines end with <c>\n</c>.</summary>
    public static string Print(IrCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var b = new StringBuilder();
        b.Append("cell ").Append(cell.Name).Append(": K = ").Append(cell.HeadCount).Append(" heads, evaluate ")
            .Append(cell.Rule.ToString().ToLowerInvariant()).Append('\n');
        foreach (var h in cell.HyperParameters)
        {
            b.Append("  hyperparameter ").Append(h.Name).Append(" = ").Append(Number(h.Value)).Append(h.IsDefault ? " (default)" : " (given)").Append('\n');
        }

        b.Append("training step:\n");
        PrintProgram(b, cell.Training);
        if (ReferenceEquals(cell.Evaluation, cell.Training))
        {
            b.Append("evaluation step: the training step (evaluate sample)\n");
        }
        else if (SameInstructions(cell.Evaluation, cell.Training))
        {
            b.Append("evaluation step: the training step (it has no draws)\n");
        }
        else
        {
            b.Append("evaluation step:\n");
            PrintProgram(b, cell.Evaluation);
        }

        b.Append("gates:\n");
        var printed = new HashSet<string>();
        foreach (var gate in cell.Gates)
        {
            PrintGate(b, cell, gate);
            printed.Add(gate.Name);

            // A pair is printed once, after its second gate.
            if (gate.Joint is { } joint && printed.Contains(joint.Partner))
            {
                var (x, y) = joint.Component == 0 ? (gate.Name, joint.Partner) : (joint.Partner, gate.Name);
                b.Append($"  ({x}, {y}) ~ ").Append(LawOperands(cell.Training, joint.Law)).Append('\n');
                b.Append("      = ").Append(Law(cell.Training, joint.Law)).Append('\n');
            }
        }

        return b.ToString();
    }

    /// <summary>
    /// One gate on one line (the emitted C# class lists its gates so): its law over source names or
    /// that it is deterministic or unknown, its pair once under the pair's first gate, and how
    /// evaluation computes it.
    /// </summary>
    public static string GateLine(IrCell cell, IrGate gate)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(gate);
        var law = gate switch
        {
            { IsStochastic: false } => "deterministic",
            { Law: { } l } => "~ " + Law(cell.Training, l),
            _ => "law unknown",
        };
        var joint = gate.Joint is { Component: 0 } j ? $"; ({gate.Name}, {j.Partner}) ~ {Law(cell.Training, j.Law)}" : string.Empty;
        return $"{gate.Name} {law}{joint}; evaluation: {EvaluationText(gate.Evaluation)}";
    }

    /// <summary>How an evaluation kind reads in <c>describe</c>.</summary>
    public static string EvaluationText(GateEvaluation evaluation) => evaluation switch
    {
        GateEvaluation.Deterministic => "as in training (no draws)",
        GateEvaluation.Sampled => "sampled as in training (evaluate sample)",
        GateEvaluation.ExactMean => "exact mean of its law",
        GateEvaluation.PlugInMean => "plug-in: each draw replaced by its mean (not the gate's mean: its law is unknown)",
        GateEvaluation.ExactMode => "mode of its law (its mean where the mode is not unique)",
        GateEvaluation.PlugInMode => "plug-in: each draw replaced by its mode (not the gate's mode: its law is unknown)",
        _ => evaluation.ToString(),
    };

    /// <summary>How a KL method reads in <c>describe</c>: closed form, truncated series, upper bound, Monte Carlo, or closed form and quadrature.</summary>
    public static string MethodText(KlMethod method) => method switch
    {
        KlMethod.Exact => "closed form",
        KlMethod.TruncatedSeries => "truncated series",
        KlMethod.UpperBound => "upper bound",
        KlMethod.MonteCarlo => "Monte Carlo",
        KlMethod.Quadrature => "closed form and quadrature",
        _ => method.ToString(),
    };

    /// <summary>A law with its parameters written as expressions over source names: <c>Beta(shape(g[1]) + shape(g[3]), ...)</c>.</summary>
    public static string Law(IrProgram program, IrLaw law)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(law);
        return law.Family + "(" + string.Join(", ", law.Parameters.Select(p => Expression(program, p))) + ")";
    }

    /// <summary>A law with its parameters as instruction operands: <c>Beta(%34, %35)</c>, constants inline.</summary>
    public static string LawOperands(IrProgram program, IrLaw law)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(law);
        return law.Family + "(" + string.Join(", ", law.Parameters.Select(p => Operand(program, p))) + ")";
    }

    /// <summary>The value of instruction <paramref name="index"/> as an expression over names, heads and numbers.</summary>
    public static string Expression(IrProgram program, int index)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Expression(program, index, depth: 0);
    }

    /// <summary>Whether two programs have the same instructions, slots and KL terms (names aside).</summary>
    public static bool SameInstructions(IrProgram left, IrProgram right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Nodes.SequenceEqual(right.Nodes) && left.Slots == right.Slots && left.KlTerms.SequenceEqual(right.KlTerms);
    }

    private static string Expression(IrProgram program, int index, int depth)
    {
        if (program.Names.TryGetValue(index, out var name))
        {
            return name;
        }

        // Deep sums (a family of a thousand members) are cut to an operand rather than printed whole.
        if (depth > 12)
        {
            return "%" + index;
        }

        return program.Nodes[index] switch
        {
            IrConstant c => Number(c.Value),
            IrHead h => "head " + h.Index,
            IrDraw d => $"draw {d.Law}({string.Join(", ", d.Arguments.Select(a => Expression(program, a, depth + 1)))})",
            IrLink l => BuiltinFunctions.Name(l.Function) + "(" + Expression(program, l.Operand, depth + 1) + ")",
            IrNegate n => "-" + Wrap(program, n.Operand, depth),
            IrBinary bin => Wrap(program, bin.Left, depth) + " " + BinaryOperatorText.Of(bin.Operator) + " " + Wrap(program, bin.Right, depth),
            IrMoment m => $"{m.Kind.ToString().ToLowerInvariant()} of {Law(program, m.Law)}",
            IrRatio r => $"({Sum(program, r.Numerator, depth)}) / ({Sum(program, r.Numerator.Concat(r.Rest), depth)})",
            _ => "%" + index,
        };
    }

    private static string Sum(IrProgram program, IEnumerable<int> terms, int depth) =>
        string.Join(" + ", terms.Select(t => Expression(program, t, depth + 1)));

    private static string Wrap(IrProgram program, int index, int depth)
    {
        var text = Expression(program, index, depth + 1);
        return program.Nodes[index] is IrBinary && !program.Names.ContainsKey(index) ? "(" + text + ")" : text;
    }

    private static void PrintProgram(StringBuilder b, IrProgram program)
    {
        // What a step computes; the rest are parameters of inferred laws that only analysis reads.
        var computed = program.Reachable(program.Roots);
        var slotNames = SlotNames(program.Slots);
        for (var k = 0; k < program.Nodes.Length; k++)
        {
            var node = program.Nodes[k];
            if (node is IrConstant)
            {
                continue;
            }

            var comments = new List<string>();
            if (program.Names.TryGetValue(k, out var name))
            {
                comments.Add(name);
            }
            else if (slotNames.TryGetValue(k, out var slot))
            {
                comments.Add(slot);
            }

            if (!computed[k])
            {
                comments.Add("law parameter; not computed by a step");
            }

            var line = $"  %{k} = {Instruction(program, node)}";
            if (comments.Count > 0)
            {
                line = (line.Length < CommentColumn ? line.PadRight(CommentColumn) : line + "  ") + "; " + string.Join(", ", comments);
            }

            b.Append(line).Append('\n');
        }

        var s = program.Slots;
        b.Append($"  slots: i = {Operand(program, s.InputGate)}, f = {Operand(program, s.ForgetGate)}, o = {Operand(program, s.OutputGate)}, candidate = {Operand(program, s.Candidate)}\n");
        foreach (var term in program.KlTerms)
        {
            b.Append($"  kl {term.Target}: {Number(term.Weight)} * KL({LawOperands(program, term.Posterior)} || {LawOperands(program, term.Prior)}), {MethodText(term.Method)}\n");
        }
    }

    private static void PrintGate(StringBuilder b, IrCell cell, IrGate gate)
    {
        const string Indent = "      ";
        var program = cell.Training;
        switch (gate)
        {
            case { IsStochastic: false }:
                b.Append("  ").Append(gate.Name).Append(": deterministic\n");
                return;
            case { Law: { } law }:
                b.Append("  ").Append(gate.Name).Append(" ~ ").Append(LawOperands(program, law)).Append('\n');
                b.Append(Indent).Append("= ").Append(Law(program, law)).Append('\n');
                break;
            default:
                b.Append("  ").Append(gate.Name).Append(": law unknown\n");
                break;
        }

        b.Append(Indent).Append("evaluation: ").Append(EvaluationText(gate.Evaluation)).Append('\n');
    }

    private static Dictionary<int, string> SlotNames(IrSlots slots)
    {
        var names = new Dictionary<int, string>();
        foreach (var (index, name) in new[] { (slots.InputGate, "i"), (slots.ForgetGate, "f"), (slots.OutputGate, "o"), (slots.Candidate, "candidate") })
        {
            names.TryAdd(index, name);
        }

        return names;
    }

    private static string Instruction(IrProgram program, IrNode node) => node switch
    {
        IrHead h => "head " + h.Index,
        IrDraw d => $"draw {d.Law}({string.Join(", ", d.Arguments.Select(a => Operand(program, a)))})",
        IrLink l => BuiltinFunctions.Name(l.Function) + " " + Operand(program, l.Operand),
        IrNegate n => "-" + Operand(program, n.Operand),
        IrBinary bin => Operand(program, bin.Left) + " " + BinaryOperatorText.Of(bin.Operator) + " " + Operand(program, bin.Right),
        IrMoment m => $"{m.Kind.ToString().ToLowerInvariant()} {LawOperands(program, m.Law)}" + (m.Law.IsJoint ? $" component {m.Component}" : string.Empty),
        IrRatio r => $"ratio ({string.Join(" + ", r.Numerator.Select(k => Operand(program, k)))}) / ({string.Join(" + ", r.Numerator.Concat(r.Rest).Select(k => Operand(program, k)))})",
        _ => node.ToString() ?? string.Empty,
    };

    private static string Operand(IrProgram program, int index) =>
        program.Nodes[index] is IrConstant c ? Number(c.Value) : "%" + index;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
