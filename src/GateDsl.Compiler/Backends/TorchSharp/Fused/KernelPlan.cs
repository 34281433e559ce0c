using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// An <see cref="IrProgram"/> prepared for <see cref="KernelStep{T}"/>: the live instructions in
/// order with their operands resolved to slots (per-unit values) or numbers, the slots of the four
/// gates, and the KL terms. Every slot is saved for the backward, which runs the instructions in
/// reverse (reverse-mode differentiation of the program, unit by unit).
/// The kernel runs what the generic path runs, less two things: law moments (evaluation of a known
/// law's mean or mode) and KL terms other than Gamma against a constant Gamma; <see cref="TryCreate"/>
/// says why a program does not fit.
/// </summary>
internal sealed class KernelPlan
{
    private KernelPlan(int heads, int slots, int draws, KernelOp[] ops, KernelOperand[] gates, KernelKlTerm[] kl)
    {
        Heads = heads;
        Slots = slots;
        DrawsPerStep = draws;
        Ops = ops;
        Gates = gates;
        Kl = kl;
    }

    /// <summary>K: blocks of H pre-activations per row.</summary>
    public int Heads { get; }

    /// <summary>Per-unit values the kernel keeps (and saves for the backward).</summary>
    public int Slots { get; }

    /// <summary>One more than the largest draw id (the counter layout's draws per step).</summary>
    public int DrawsPerStep { get; }

    /// <summary>The instructions in program order.</summary>
    public KernelOp[] Ops { get; }

    /// <summary>i, f, o and the candidate.</summary>
    public KernelOperand[] Gates { get; }

    /// <summary>The prior terms.</summary>
    public KernelKlTerm[] Kl { get; }

    /// <summary>The plan, or null with the reason the kernel cannot run the program.</summary>
    public static KernelPlan? TryCreate(IrProgram program, int heads, out string? reason)
    {
        var live = program.Reachable(program.Roots);
        var operands = new KernelOperand[program.Nodes.Length];
        var ops = new List<KernelOp>();
        var slots = 0;
        int NewSlot() => slots++;

        // Gamma draws a ratio reads need their log; others need their value.
        var ratioDraws = program.Nodes.Where((n, k) => live[k]).OfType<IrRatio>().SelectMany(r => r.Operands).ToHashSet();
        var logSlots = new Dictionary<int, int>();
        var drawsPerStep = 0;
        for (var k = 0; k < program.Nodes.Length; k++)
        {
            if (!live[k])
            {
                continue;
            }

            switch (program.Nodes[k])
            {
                case IrConstant c:
                    operands[k] = KernelOperand.Of(c.Value);
                    break;
                case IrHead h:
                    operands[k] = KernelOperand.OfSlot(NewSlot());
                    ops.Add(new KernelOp(KernelOpKind.Head, operands[k].Slot) { Head = h.Index });
                    break;
                case IrLink l:
                    operands[k] = KernelOperand.OfSlot(NewSlot());
                    ops.Add(new KernelOp(KernelOpKind.Link, operands[k].Slot) { Function = l.Function, A = operands[l.Operand] });
                    break;
                case IrNegate n:
                    operands[k] = KernelOperand.OfSlot(NewSlot());
                    ops.Add(new KernelOp(KernelOpKind.Negate, operands[k].Slot) { A = operands[n.Operand] });
                    break;
                case IrBinary b:
                    operands[k] = KernelOperand.OfSlot(NewSlot());
                    ops.Add(new KernelOp(KernelOpKind.Binary, operands[k].Slot) { Operator = b.Operator, A = operands[b.Left], B = operands[b.Right] });
                    break;
                case IrDraw d:
                    drawsPerStep = Math.Max(drawsPerStep, d.Id + 1);
                    var value = NewSlot();
                    operands[k] = KernelOperand.OfSlot(value);
                    var op = new KernelOp(KernelOpKind.Draw, value)
                    {
                        Law = d.Law,
                        DrawId = d.Id,
                        A = operands[d.Arguments[0]],
                        B = d.Arguments.Count > 1 ? operands[d.Arguments[1]] : default,
                        Noise = d.Law == PrimitiveKind.Bernoulli ? -1 : NewSlot(),
                        Derivative = d.Law == PrimitiveKind.Gamma ? NewSlot() : -1,
                    };
                    if (d.Law == PrimitiveKind.Gamma)
                    {
                        logSlots[k] = op.Noise;
                    }

                    ops.Add(op);
                    break;
                case IrRatio r:
                    operands[k] = KernelOperand.OfSlot(NewSlot());
                    ops.Add(new KernelOp(KernelOpKind.Ratio, operands[k].Slot)
                    {
                        Numerator = r.Numerator.Select(x => logSlots[x]).ToArray(),
                        Rest = r.Rest.Select(x => logSlots[x]).ToArray(),
                    });
                    break;
                case IrMoment:
                    reason = "the program evaluates a law's mean or mode, which the fused kernel does not compute";
                    return null;
                default:
                    reason = $"the fused kernel has no instruction for {program.Nodes[k].GetType().Name}";
                    return null;
            }
        }

        if (drawsPerStep > StreamLayout.MaxDrawsPerStep)
        {
            reason = $"the program has {drawsPerStep} draws a step; the fused kernel's streams hold {StreamLayout.MaxDrawsPerStep}";
            return null;
        }

        var kl = new List<KernelKlTerm>();
        foreach (var term in program.KlTerms)
        {
            if (term.Posterior.Family != LawFamily.Gamma || term.Prior.Family != LawFamily.Gamma
                || term.Method != KlMethod.Exact
                || term.Prior.Parameters.Any(p => program.Nodes[p] is not IrConstant))
            {
                reason = $"the fused kernel computes KL(Gamma || Gamma) with a constant prior only, not KL({term.Posterior.Family} || {term.Prior.Family})";
                return null;
            }

            var rate = operands[term.Posterior.Parameters[1]];
            kl.Add(new KernelKlTerm(
                term.Weight,
                operands[term.Posterior.Parameters[0]],
                rate,
                ((IrConstant)program.Nodes[term.Prior.Parameters[0]]).Value,
                ((IrConstant)program.Nodes[term.Prior.Parameters[1]]).Value,
                NewSlot(),
                rate.IsConstant ? -1 : NewSlot()));
        }

        var s = program.Slots;
        reason = null;
        return new KernelPlan(heads, slots, drawsPerStep, ops.ToArray(), [operands[s.InputGate], operands[s.ForgetGate], operands[s.OutputGate], operands[s.Candidate]], kl.ToArray());
    }
}
