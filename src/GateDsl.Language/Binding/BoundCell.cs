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
/// <param name="HeadCount">K: the number of learned heads after expanding families.</param>
public sealed record BoundCell(
    string Name,
    SourceText Source,
    TextSpan Span,
    ImmutableArray<ParameterSymbol> Parameters,
    ImmutableArray<BoundStatement> Body,
    EvaluationRule Rule,
    bool RuleIsDefault,
    int HeadCount);
