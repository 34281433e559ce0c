using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>
/// Finds instructions of a program by what they are, so that tests state expected laws as IR
/// instructions (Beta(%a, %b) with %a the instruction shape(g[1]) + shape(g[3])), not as text.
/// Each finder fails the test when the program has no such instruction.
/// </summary>
internal static class IrFind
{
    /// <summary>The index of the instruction equal to <paramref name="node"/> (instructions are unique: lowering shares equal ones).</summary>
    public static int Index(IrProgram program, IrNode node)
    {
        var index = program.Nodes.IndexOf(node);
        Assert.True(index >= 0, $"the program has no instruction {node}");
        return index;
    }

    /// <summary>head <paramref name="k"/>.</summary>
    public static int Head(IrProgram program, int k) => Index(program, new IrHead(k));

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static int Constant(IrProgram program, double value) => Index(program, new IrConstant(value));

    /// <summary>softplus(head k) + 1e-3: the stdlib's Gamma shape of head <paramref name="k"/>.</summary>
    public static int Shape(IrProgram program, int k) =>
        Index(program, Binary(program, BinaryOperator.Add, Index(program, new IrLink(BuiltinFunction.Softplus, Head(program, k))), Constant(program, 1e-3)));

    /// <summary>a + b.</summary>
    public static int Add(IrProgram program, int a, int b) => Index(program, Binary(program, BinaryOperator.Add, a, b));

    /// <summary>
    /// The operands of a chain of additions from <paramref name="index"/>, in no particular order, not
    /// descending into the <paramref name="leaves"/> (so a shared partial sum shows as one summand).
    /// </summary>
    public static List<int> Summands(IrProgram program, int index, params int[] leaves)
    {
        if (!leaves.Contains(index) && program.Nodes[index] is IrBinary { Operator: BinaryOperator.Add } add)
        {
            return [.. Summands(program, add.Left, leaves), .. Summands(program, add.Right, leaves)];
        }

        return [index];
    }

    /// <summary>The instruction named <paramref name="name"/> (a draw, a let, a gate).</summary>
    public static int Named(IrProgram program, string name)
    {
        var match = program.Names.Where(n => n.Value == name).Select(n => n.Key).ToList();
        return Assert.Single(match);
    }

    /// <summary>The draw named <paramref name="name"/>.</summary>
    public static IrDraw Draw(IrProgram program, string name) => Assert.IsType<IrDraw>(program.Nodes[Named(program, name)]);

    /// <summary>A law over the given instructions.</summary>
    public static IrLaw Law(LawFamily family, params int[] parameters) => new(family, parameters.ToImmutableArray());

    /// <summary>left op right as lowering builds it: for + and *, a constant operand on the right, otherwise the operands in index order.</summary>
    public static IrBinary Binary(IrProgram program, BinaryOperator op, int left, int right)
    {
        if (op is not (BinaryOperator.Add or BinaryOperator.Multiply))
        {
            return new IrBinary(op, left, right);
        }

        var (leftIsConstant, rightIsConstant) = (program.Nodes[left] is IrConstant, program.Nodes[right] is IrConstant);
        var swap = leftIsConstant != rightIsConstant ? leftIsConstant : left > right;
        return swap ? new IrBinary(op, right, left) : new IrBinary(op, left, right);
    }
}
