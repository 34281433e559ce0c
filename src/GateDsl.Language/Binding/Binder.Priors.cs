using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>
/// Priors: <c>prior target ~ D(args) weight w</c>. The target must be random and bound on its own
/// (a draw, a whole family or some of its members, or a gate bound with ~); the arguments and the
/// weight are constants; the prior's support equals the target's. A prior does not count as a use
/// of its target: a draw that only a prior mentions still changes no gate, so it is reported unused.
/// </summary>
internal sealed partial class Binder
{
    private BoundPriorStatement? BindPrior(PriorStatement prior, BodyContext context, PriorTracker priors)
    {
        var call = BindDistributionCall(prior.Distribution, context, $"an argument of the prior {prior.Distribution.Callee.Text}");
        var weight = BindWeight(prior, context);
        var target = ResolvePriorTarget(prior.Target, context);
        if (target is null)
        {
            return null;
        }

        var members = PriorMembers(prior.Target, target, context);
        if (members is null && prior.Target.Range is not null)
        {
            return null; // a bad range, reported
        }

        var bound = new BoundPriorStatement(target, target.Family is null ? null : members, call, weight ?? 1, prior.Span);
        if (call.Distribution is not null && call.ValueSupports.Length > 0)
        {
            var priorSupport = call.ValueSupports.Length == 1
                ? call.ValueSupports[0].ToString()
                : "(" + string.Join(", ", call.ValueSupports) + ")";
            if (call.ValueSupports.Length != 1 || call.ValueSupports[0] != target.Support)
            {
                Report(DiagnosticCatalog.PriorSupportMismatch, context, prior.Distribution.Span, bound.TargetText, target.Support, call.Name, priorSupport);
            }
        }

        if (priors.Claim(target, bound.Members, prior.Span) is { } earlier)
        {
            Report(DiagnosticCatalog.DuplicatePrior, context, prior.Target.Span, bound.TargetText, BindingText.Location(context.Source, earlier));
        }

        return bound;
    }

    private double? BindWeight(PriorStatement prior, BodyContext context)
    {
        if (prior.Weight is not { } syntax)
        {
            return null; // no weight: the KL term counts fully
        }

        var value = BindExpr(syntax, context);
        var weight = CheckConstant(value, context, "a prior weight");
        if (weight is { } w && !(w > 0))
        {
            Report(DiagnosticCatalog.PriorWeightNotPositive, context, syntax.Span, BoundExprPrinter.Print(value));
            return null;
        }

        return weight;
    }

    /// <summary>Finds the prior's target among the body's names (any position: priors are declarative).</summary>
    private Symbol? ResolvePriorTarget(PriorTarget target, BodyContext context)
    {
        var name = target.Name.Text;
        if (name.Length == 0)
        {
            return null;
        }

        Symbol? symbol = context.Locals.GetValueOrDefault(name);
        if (symbol is null && context.File.Lookup(name)?.Syntax is ConstItem)
        {
            Report(DiagnosticCatalog.PriorOnDeterministic, context, target.Name.Span, name, "a constant");
            return null;
        }

        switch (symbol)
        {
            case null:
                var candidates = context.Locals.Values.Where(s => s is DrawSymbol or GateSymbol { IsDrawn: true }).Select(s => s.Name);
                Report(DiagnosticCatalog.PriorTargetUnknown, context, target.Name.Span, name, DidYouMean.Clause(name, candidates));
                return null;
            case DrawSymbol { IsJointMember: true } d:
                Report(DiagnosticCatalog.PriorOnJointMember, context, target.Name.Span, name, d.Distribution);
                return null;
            case GateSymbol { IsJointMember: true } g:
                Report(DiagnosticCatalog.PriorOnJointMember, context, target.Name.Span, name, g.Distribution ?? "distribution");
                return null;
            case DrawSymbol or GateSymbol { IsDrawn: true }:
                return symbol;
            default:
                Report(DiagnosticCatalog.PriorOnDeterministic, context, target.Name.Span, name, symbol.KindName);
                return null;
        }
    }

    /// <summary>The members a prior covers: the range written, or the whole family; null for a bad range (reported).</summary>
    private FamilyRange? PriorMembers(PriorTarget syntax, Symbol target, BodyContext context)
    {
        if (syntax.Range is not { } range)
        {
            return target.Family;
        }

        if (target.Family is not { } family)
        {
            Report(DiagnosticCatalog.NotAFamily, context, syntax.Name.Span, target.Name);
            return null;
        }

        if (range.Low > range.High)
        {
            Report(DiagnosticCatalog.EmptyRange, context, range.Span, range.Low, range.High);
            return null;
        }

        foreach (var bound in new[] { range.Low, range.High })
        {
            if (!family.Contains(bound))
            {
                Report(DiagnosticCatalog.IndexOutOfRange, context, range.Span, target.Name, bound, family.Low, family.High);
                return null;
            }
        }

        return new FamilyRange(range.Low, range.High);
    }
}
