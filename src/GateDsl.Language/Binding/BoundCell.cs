using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A checked cell.</summary>
/// <param name="Name">The cell's name.</param>
/// <param name="Source">The file that declares it.</param>
/// <param name="Span">The whole declaration.</param>
/// <param name="Parameters">Its hyperparameters.</param>
/// <param name="Body">The checked statements, in source order.</param>
/// <param name="Rule">The evaluation rule.</param>
/// <param name="RuleIsDefault">Whether the rule was left out (and is mean).</param>
/// <param name="HeadCount">
/// K: the number of learned heads after expanding families (every <see cref="BoundLinear.Head"/>
/// lies in 0..K-1). Saturates at <see cref="int.MaxValue"/> for absurdly large families.
/// </param>
/// <param name="InputGate">The gate i (null when missing, which is an error).</param>
/// <param name="ForgetGate">The gate f.</param>
/// <param name="OutputGate">The gate o.</param>
/// <param name="Candidate">The value of <c>candidate = ...</c> (the cell input g_t).</param>
public sealed record BoundCell(
    string Name,
    SourceText Source,
    TextSpan Span,
    ImmutableArray<ParameterSymbol> Parameters,
    ImmutableArray<BoundStatement> Body,
    EvaluationRule Rule,
    bool RuleIsDefault,
    int HeadCount,
    GateSymbol? InputGate,
    GateSymbol? ForgetGate,
    GateSymbol? OutputGate,
    BoundExpr? Candidate);
