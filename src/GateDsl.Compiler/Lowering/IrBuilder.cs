using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// Builds a program one instruction at a time: constants are folded, a few identities applied
/// (x + 0, x * 1, x / 1, x ^ 1, --x), the operands of + and * put in index order, and every
/// instruction equal to an earlier one is that one (hash-consing), so common subexpressions are
/// computed once. Draws are never shared: each gets a fresh id.
/// </summary>
internal sealed class IrBuilder
{
    private readonly List<IrNode> _nodes = new();
    private readonly Dictionary<IrNode, int> _index = new();
    private readonly Dictionary<int, string> _names = new();
    private int _nextDrawId;

    /// <summary>The instructions so far.</summary>
    public IReadOnlyList<IrNode> Nodes => _nodes;

    /// <summary>Source names given so far.</summary>
    public IReadOnlyDictionary<int, string> Names => _names;

    /// <summary>Instruction <paramref name="index"/>.</summary>
    public IrNode this[int index] => _nodes[index];

    /// <summary>Head <paramref name="index"/> of the fused affine map.</summary>
    public int Head(int index) => Add(new IrHead(index));

    /// <summary>A number (which may be non-finite; lowering reports that).</summary>
    public int Constant(double value) => Add(new IrConstant(value));

    /// <summary>A new independent draw.</summary>
    public int Draw(PrimitiveKind law, IReadOnlyList<int> arguments) =>
        Add(new IrDraw(_nextDrawId++, law, arguments.ToImmutableArray()));

    /// <summary>The value of <paramref name="index"/> when it is a constant.</summary>
    public bool TryConstant(int index, out double value)
    {
        if (_nodes[index] is IrConstant c)
        {
            value = c.Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A link function of <paramref name="operand"/>.</summary>
    public int Link(BuiltinFunction function, int operand) =>
        TryConstant(operand, out var x) ? Constant(BuiltinFunctions.Evaluate(function, x)) : Add(new IrLink(function, operand));

    /// <summary>-<paramref name="operand"/>.</summary>
    public int Negate(int operand) => _nodes[operand] switch
    {
        IrConstant c => Constant(-c.Value),
        IrNegate n => n.Operand,
        _ => Add(new IrNegate(operand)),
    };

    /// <summary><paramref name="left"/> op <paramref name="right"/>.</summary>
    public int Binary(BinaryOperator op, int left, int right)
    {
        var leftIsConstant = TryConstant(left, out var a);
        var rightIsConstant = TryConstant(right, out var b);
        if (leftIsConstant && rightIsConstant)
        {
            return Constant(BinaryOperators.Evaluate(op, a, b));
        }

        switch (op)
        {
            case BinaryOperator.Add when rightIsConstant && b == 0:
            case BinaryOperator.Subtract when rightIsConstant && b == 0:
            case BinaryOperator.Multiply when rightIsConstant && b == 1:
            case BinaryOperator.Divide when rightIsConstant && b == 1:
            case BinaryOperator.Power when rightIsConstant && b == 1:
                return left;
            case BinaryOperator.Add when leftIsConstant && a == 0:
            case BinaryOperator.Multiply when leftIsConstant && a == 1:
                return right;
            case BinaryOperator.Subtract when leftIsConstant && a == 0:
                return Negate(right);
        }

        // One order for commutative operands, so a + b and b + a are one instruction: constants
        // on the right (as people write x + 0.001), otherwise by index.
        if (op is BinaryOperator.Add or BinaryOperator.Multiply && (leftIsConstant, rightIsConstant) switch
            {
                (true, false) => true,
                (false, true) => false,
                _ => left > right,
            })
        {
            (left, right) = (right, left);
        }

        return Add(new IrBinary(op, left, right));
    }

    /// <summary>The exact mean or mode of <paramref name="law"/> (component <paramref name="component"/> of a joint law).</summary>
    public int Moment(MomentKind kind, IrLaw law, int component) => Add(new IrMoment(kind, law, component));

    /// <summary>Gives <paramref name="index"/> a source name for printing, unless it has one.</summary>
    public void Name(int index, string name) => _names.TryAdd(index, name);

    /// <summary>An instruction as built, or the earlier equal one.</summary>
    public int Add(IrNode node)
    {
        if (node is not IrDraw && _index.TryGetValue(node, out var existing))
        {
            return existing;
        }

        _nodes.Add(node);
        var index = _nodes.Count - 1;
        _index[node] = index;
        return index;
    }

    /// <summary>Keeps the draw-id sequence going across a rebuild (so rebuilt draws keep their ids).</summary>
    public int AddDraw(IrDraw draw)
    {
        _nextDrawId = Math.Max(_nextDrawId, draw.Id + 1);
        return Add(draw);
    }
}
