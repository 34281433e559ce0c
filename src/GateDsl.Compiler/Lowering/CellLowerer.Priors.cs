using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;

namespace GateDsl.Compiler.Lowering;

/// <summary>Priors: one KL term per prior and member, KL(law of the target || the prior's law), weighted.</summary>
internal sealed partial class CellLowerer
{
    private IEnumerable<IrKlTerm> LowerPrior(BoundPriorStatement prior, LawInference inference)
    {
        var definition = prior.Call.Distribution ?? throw Internal($"the prior on {prior.TargetText} names no known distribution");
        var arguments = prior.Call.ArgumentsWithDefaults.Select(a => LowerExpression(a, 0)).ToArray();
        var priorText = BoundExprPrinter.PrintCall(prior.Call);
        var (values, declared) = Call(definition, arguments, "prior", depth: 0);
        var priorLaw = declared ?? (values.Length == 1 ? inference.Marginal(values[0]) : null);
        if (priorLaw is null)
        {
            _diagnostics.Report(DiagnosticCatalog.PriorLawUnknown, _cell.Source, prior.Call.Span, priorText, $"{definition.Name} is neither a primitive, a standard-library law, nor a ratio of Gamma sums");
            yield break;
        }

        var family = prior.Target.Family;
        var members = prior.Members is { } range ? Enumerable.Range(range.Low, range.Count) : [family?.Low ?? 0];
        foreach (var member in members)
        {
            var offset = member - (family?.Low ?? 0);
            var target = family is null ? prior.Target.Name : $"{prior.Target.Name}[{member}]";
            var law = _drawLaws.TryGetValue(prior.Target, out var laws) ? laws[offset] : null;
            law ??= inference.Marginal(Value(prior.Target, offset));
            if (law is null)
            {
                _diagnostics.Report(DiagnosticCatalog.PriorTargetLawUnknown, _cell.Source, prior.Span, target, "its value is neither a primitive draw, a standard-library law, nor a ratio of Gamma sums");
                yield break;
            }

            var method = LawDistributions.KlMethodOf(law.Family, priorLaw.Family);
            if (method is not { } known)
            {
                _diagnostics.Report(DiagnosticCatalog.KlUnavailable, _cell.Source, prior.Span, law.Family.ToString(), priorLaw.Family.ToString());
                yield break;
            }

            if (known == KlMethod.MonteCarlo && member == members.First())
            {
                _diagnostics.Report(DiagnosticCatalog.KlByMonteCarlo, _cell.Source, prior.Span, law.Family.ToString(), priorLaw.Family.ToString());
            }

            yield return new IrKlTerm(target, prior.Weight, law, priorLaw, known);
        }
    }
}
