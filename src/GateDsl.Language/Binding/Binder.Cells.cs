using System.Collections.Immutable;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>Cells: gates, the candidate, the evaluation rule, and the structure checks.</summary>
internal sealed partial class Binder
{
    private static readonly string[] RuleNames = { "mean", "sample", "mode" };

    private BoundCell BindCell(CellDecl decl, FileScope scope)
    {
        var name = decl.Name.Text;
        var context = new BodyContext(scope, BodyKind.Cell, name);
        var parameters = BindParameters(decl.Parameters, context, isHyperParameter: true);
        Prescan(decl.Body, context);

        var body = new BoundStatement?[decl.Body.Length];
        CandidateStatement? firstCandidate = null;
        EvaluateStatement? firstEvaluate = null;
        var rule = EvaluationRule.Mean;
        for (var index = 0; index < decl.Body.Length; index++)
        {
            var statement = decl.Body[index];
            switch (statement)
            {
                case GateStatement g:
                    body[index] = BindGate(g, context);
                    break;
                case GateDrawStatement g:
                    body[index] = BindDraw(g.Target, g.Distribution, isGate: true, g, context);
                    break;
                case CandidateStatement c:
                    var candidate = BindExpr(c.Value, context);
                    if (firstCandidate is not null)
                    {
                        Report(DiagnosticCatalog.DuplicateCandidate, context, c.Span, BindingText.Location(context.Source, firstCandidate.Span));
                    }
                    else
                    {
                        firstCandidate = c;
                        body[index] = new BoundCandidateStatement(candidate, c.Span);
                    }

                    break;
                case EvaluateStatement e:
                    if (firstEvaluate is not null)
                    {
                        Report(DiagnosticCatalog.DuplicateEvaluate, context, e.Span, BindingText.Location(context.Source, firstEvaluate.Span));
                    }
                    else if (ParseRule(e, context) is { } parsed)
                    {
                        firstEvaluate = e;
                        rule = parsed;
                        body[index] = new BoundEvaluateStatement(parsed, e.Span);
                    }

                    break;
                case ValueStatement:
                    Report(DiagnosticCatalog.StatementNotAllowed, context, statement.Span, "`value`", "a distribution");
                    break;
                case PriorStatement:
                    break; // bound below, once every name of the body is known
                default:
                    body[index] = BindCommonStatement(statement, context);
                    break;
            }
        }

        var priors = new PriorTracker();
        for (var index = 0; index < decl.Body.Length; index++)
        {
            if (decl.Body[index] is PriorStatement prior)
            {
                body[index] = BindPrior(prior, context, priors);
            }
        }

        if (name.Length > 0)
        {
            foreach (var gate in GateNames)
            {
                if (context.Locals.GetValueOrDefault(gate) is not GateSymbol)
                {
                    Report(DiagnosticCatalog.MissingGate, context, decl.Name.Span, name, gate);
                }
            }

            if (firstCandidate is null)
            {
                Report(DiagnosticCatalog.MissingCandidate, context, decl.Name.Span, name);
            }
        }

        var statements = body.OfType<BoundStatement>().ToImmutableArray();
        var cell = new BoundCell(
            name,
            context.Source,
            decl.Span,
            parameters,
            statements,
            rule,
            firstEvaluate is null,
            (int)Math.Min(context.NextHead, int.MaxValue),
            Gate(context, "i"),
            Gate(context, "f"),
            Gate(context, "o"),
            statements.OfType<BoundCandidateStatement>().FirstOrDefault()?.Value);
        CheckEvaluationRule(cell, firstEvaluate, context);
        return cell;
    }

    private BoundGateStatement? BindGate(GateStatement gate, BodyContext context)
    {
        var value = BindExpr(gate.Value, context);
        var name = gate.Name.Text;
        if (name.Length == 0)
        {
            return null;
        }

        if (!GateNames.Contains(name))
        {
            Report(DiagnosticCatalog.UnknownGate, context, gate.Name.Span, name, DidYouMean.Clause(name, GateNames));
            return null;
        }

        if (value.Support != Support.UnitInterval)
        {
            Report(DiagnosticCatalog.GateNotUnitInterval, context, value.Span, name, value.Support, SupportRules.FixFor(Support.UnitInterval, value.Support));
        }

        var symbol = new GateSymbol(name, context.Source, gate.Name.Span, Support.UnitInterval, isDrawn: false, isJointMember: false, BoundExprWalker.IsStochastic(value), distribution: null);
        DefineLocal(symbol, context);
        return new BoundGateStatement(symbol, value, gate.Span);
    }

    private EvaluationRule? ParseRule(EvaluateStatement statement, BodyContext context)
    {
        switch (statement.Rule.Text)
        {
            case "mean": return EvaluationRule.Mean;
            case "sample": return EvaluationRule.Sample;
            case "mode": return EvaluationRule.Mode;
            case "": return null;
            default:
                Report(DiagnosticCatalog.UnknownEvaluationRule, context, statement.Rule.Span, statement.Rule.Text, DidYouMean.Clause(statement.Rule.Text, RuleNames));
                return null;
        }
    }

    /// <summary>`evaluate mode` needs a mode for every primitive draw (Uniform has none); a rule in a cell without draws changes nothing.</summary>
    private void CheckEvaluationRule(BoundCell cell, EvaluateStatement? evaluate, BodyContext context)
    {
        if (evaluate is null)
        {
            return;
        }

        var draws = InlinedDraws.Of(cell);
        if (draws.Count == 0)
        {
            Report(DiagnosticCatalog.EvaluateWithoutDraws, context, evaluate.Span, cell.Name);
            return;
        }

        if (cell.Rule == EvaluationRule.Mode)
        {
            foreach (var draw in draws.Where(d => !d.Distribution.HasMode))
            {
                Report(DiagnosticCatalog.ModeUndefined, context, evaluate.Span, draw.Name, draw.Distribution.Name);
            }
        }
    }

    private static GateSymbol? Gate(BodyContext context, string name) => context.Locals.GetValueOrDefault(name) as GateSymbol;
}
