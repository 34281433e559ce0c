using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Cli.Json;

/// <summary>The gate IR as the data of <c>describe --ir --json</c>.</summary>
public static class IrJson
{
    /// <summary>A cell's IR.</summary>
    public static IrCellDto From(IrCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new IrCellDto(
            cell.Name,
            cell.HeadCount,
            cell.Rule.ToString().ToLowerInvariant(),
            cell.HyperParameters.Select(h => new IrHyperParameterDto(h.Name, h.Value, h.IsDefault)).ToList(),
            Program(cell.Training),
            Program(cell.Evaluation),
            cell.Gates.Select(g => new IrGateDto(
                g.Name,
                g.IsStochastic,
                g.Law is { } law ? Law(cell.Training, law) : null,
                g.Joint is { } joint ? new IrJointDto(Law(cell.Training, joint.Law), joint.Component, joint.Partner) : null,
                JsonTokens.Of(g.Evaluation))).ToList());
    }

    /// <summary>One program.</summary>
    public static IrProgramDto Program(IrProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var computed = program.Reachable(program.Roots);
        var instructions = program.Nodes.Select((node, k) => Instruction(program, node, k, computed[k])).ToList();
        var s = program.Slots;
        return new IrProgramDto(
            instructions,
            new IrSlotsDto(s.InputGate, s.ForgetGate, s.OutputGate, s.Candidate),
            program.KlTerms.Select(t => new IrKlTermDto(t.Target, t.Weight, Law(program, t.Posterior), Law(program, t.Prior), JsonTokens.Of(t.Method))).ToList());
    }

    /// <summary>The op name of an instruction (see <see cref="IrInstructionDto"/>).</summary>
    public static string Op(IrNode node) => node switch
    {
        IrHead => "head",
        IrConstant => "const",
        IrDraw => "draw",
        IrLink l => BuiltinFunctions.Name(l.Function),
        IrNegate => "neg",
        IrBinary { Operator: BinaryOperator.Add } => "add",
        IrBinary { Operator: BinaryOperator.Subtract } => "sub",
        IrBinary { Operator: BinaryOperator.Multiply } => "mul",
        IrBinary { Operator: BinaryOperator.Divide } => "div",
        IrBinary { Operator: BinaryOperator.Power } => "pow",
        IrMoment { Kind: MomentKind.Mean } => "mean",
        IrMoment { Kind: MomentKind.Mode } => "mode",
        IrRatio => "ratio",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "an instruction gatec describe does not know"),
    };

    private static IrInstructionDto Instruction(IrProgram program, IrNode node, int index, bool computed) =>
        new(
            index,
            Op(node),
            node.Operands.ToList(),
            program.Names.GetValueOrDefault(index),
            (node as IrConstant)?.Value,
            (node as IrHead)?.Index,
            node switch
            {
                IrDraw d => d.Law.ToString(),
                IrMoment m => m.Law.Family.ToString(),
                _ => null,
            },
            (node as IrDraw)?.Id,
            node is IrMoment { Law.IsJoint: true } moment ? moment.Component : null,
            (node as IrRatio)?.Numerator.Count,
            computed);

    private static IrLawDto Law(IrProgram program, IrLaw law) =>
        new(law.Family.ToString(), law.Parameters.ToList(), IrPrinter.Law(program, law));
}
