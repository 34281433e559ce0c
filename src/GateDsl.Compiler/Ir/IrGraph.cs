namespace GateDsl.Compiler.Ir;

/// <summary>Walks over the instruction graph of a program.</summary>
public static class IrGraph
{
    /// <summary>
    /// The instructions <paramref name="roots"/> depend on, themselves included, as a mask over
    /// <paramref name="nodes"/> (iterative: long sums make deep graphs).
    /// </summary>
    public static bool[] Reachable(IReadOnlyList<IrNode> nodes, IEnumerable<int> roots)
    {
        var live = new bool[nodes.Count];
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            var k = stack.Pop();
            if (live[k])
            {
                continue;
            }

            live[k] = true;
            foreach (var operand in nodes[k].Operands)
            {
                stack.Push(operand);
            }
        }

        return live;
    }
}
