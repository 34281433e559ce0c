using System.Collections.Immutable;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// A straight-line program computing one step of a cell for every unit: instructions in an order
/// where each reads only earlier ones (a DAG in topological order), the four slots, and the KL
/// terms. A backend evaluates what the slots and KL terms need; laws may name further
/// instructions (parameter sums of inferred Betas) that only analysis reads.
/// </summary>
/// <param name="Nodes">The instructions.</param>
/// <param name="Slots">Which instructions are i, f, o and the candidate.</param>
/// <param name="KlTerms">The prior terms.</param>
/// <param name="Names">Source names of some instructions (draws, lets), for printing only.</param>
public sealed record IrProgram(ImmutableArray<IrNode> Nodes, IrSlots Slots, ImmutableArray<IrKlTerm> KlTerms, ImmutableDictionary<int, string> Names)
{
    /// <summary>The draws, in program order.</summary>
    public IEnumerable<IrDraw> Draws => Nodes.OfType<IrDraw>();

    /// <summary>Whether any instruction is a draw: the program is random.</summary>
    public bool IsStochastic => Nodes.Any(n => n is IrDraw);

    /// <summary>
    /// The instructions <paramref name="roots"/> depend on, themselves included, as a mask over
    /// <see cref="Nodes"/> (a backend evaluates only these).
    /// </summary>
    public bool[] Reachable(IEnumerable<int> roots) => IrGraph.Reachable(Nodes, roots);

    /// <summary>What a step must compute: the slots and the KL terms' parameters.</summary>
    public IEnumerable<int> Roots => Slots.All.Concat(KlTerms.SelectMany(t => t.Posterior.Parameters.Concat(t.Prior.Parameters)));
}
