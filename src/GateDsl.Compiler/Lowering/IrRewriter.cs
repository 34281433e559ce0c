using System.Collections.Immutable;
using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Lowering;

/// <summary>Rebuilds programs: dead-instruction removal and substitution, through a fresh <see cref="IrBuilder"/>.</summary>
internal static class IrRewriter
{
    /// <summary>
    /// The live part of <paramref name="builder"/>'s instructions (those <paramref name="roots"/>
    /// need), renumbered densely with draws numbered 0, 1, ... in order, as a program; and the map
    /// from old to new indices (defined on live instructions).
    /// </summary>
    public static (IrProgram Program, Func<int, int> Map) Compact(IrBuilder builder, IEnumerable<int> roots, IrSlots slots, IReadOnlyList<IrKlTerm> klTerms) =>
        Compact(builder, roots, slots, klTerms, new Dictionary<int, IrNode>());

    /// <summary>
    /// As <see cref="Compact(IrBuilder, IEnumerable{int}, IrSlots, IReadOnlyList{IrKlTerm})"/>, with
    /// some instructions replaced (by index) by an instruction over the same builder's indices; what
    /// only the replaced instruction read becomes dead and is removed.
    /// </summary>
    public static (IrProgram Program, Func<int, int> Map) Compact(IrBuilder builder, IEnumerable<int> roots, IrSlots slots, IReadOnlyList<IrKlTerm> klTerms, IReadOnlyDictionary<int, IrNode> replacements)
    {
        var source = Enumerable.Range(0, builder.Nodes.Count).Select(k => replacements.TryGetValue(k, out var r) ? r : builder.Nodes[k]).ToList();
        var rootList = roots.ToList();
        var live = IrGraph.Reachable(source, rootList);
        var target = new IrBuilder();
        var map = new int[source.Count];
        var drawId = 0;
        for (var k = 0; k < source.Count; k++)
        {
            if (!live[k])
            {
                map[k] = -1;
                continue;
            }

            var node = source[k].Remap(i => map[i]);
            map[k] = node is IrDraw draw ? target.AddDraw(draw with { Id = drawId++ }) : target.Add(node);
            if (builder.Names.TryGetValue(k, out var name))
            {
                target.Name(map[k], name);
            }
        }

        int Map(int old) => map[old] >= 0 ? map[old] : throw new InvalidOperationException($"internal error: instruction {old} was removed as dead but is still read.");
        var program = ToProgram(target, slots.Remap(Map), klTerms.Select(t => t.Remap(Map)));
        return (program, Map);
    }

    /// <summary>A builder holding <paramref name="program"/>'s instructions at the same indices.</summary>
    public static IrBuilder ToBuilder(IrProgram program)
    {
        var builder = new IrBuilder();
        for (var k = 0; k < program.Nodes.Length; k++)
        {
            var index = program.Nodes[k] is IrDraw draw ? builder.AddDraw(draw) : builder.Add(program.Nodes[k]);
            if (index != k)
            {
                throw new InvalidOperationException("internal error: a program holds two equal instructions.");
            }

            if (program.Names.TryGetValue(k, out var name))
            {
                builder.Name(k, name);
            }
        }

        return builder;
    }

    /// <summary>The builder's instructions as a program with these slots and terms.</summary>
    public static IrProgram ToProgram(IrBuilder builder, IrSlots slots, IEnumerable<IrKlTerm> klTerms) =>
        new(builder.Nodes.ToImmutableArray(), slots, klTerms.ToImmutableArray(), builder.Names.ToImmutableDictionary());
}
