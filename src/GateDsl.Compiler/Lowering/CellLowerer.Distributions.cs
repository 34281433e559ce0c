using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Lowering;

/// <summary>Draw statements and the inlining of user distributions.</summary>
internal sealed partial class CellLowerer
{
    // User distributions nest at most this deep (the binder rejects recursion; this is a second guard).
    private const int MaxInlineDepth = 64;

    // Calls of registered laws so far: numbers each call's values (RegisteredValue.Call).
    private int _registeredCalls;

    private void LowerDraw(BoundDrawStatement draw)
    {
        var definition = draw.Call.Distribution ?? throw Internal($"the draw of {draw.TargetText} names no known distribution");
        if (draw.Family is { } family)
        {
            var target = draw.Targets[0];
            var headsPerMember = draw.Call.ArgumentsWithDefaults.Sum(BoundExprWalker.CountLinear);
            var members = new int[family.Count];
            var laws = new IrLaw?[family.Count];
            for (var m = 0; m < family.Count; m++)
            {
                var arguments = draw.Call.ArgumentsWithDefaults.Select(a => LowerExpression(a, m * headsPerMember)).ToArray();
                var (values, law) = Call(definition, arguments, MemberName(target, m), depth: 0);
                members[m] = values[0];
                laws[m] = law;
            }

            _values[target] = members;
            _drawLaws[target] = laws;
            return;
        }

        var given = draw.Call.ArgumentsWithDefaults.Select(a => LowerExpression(a, 0)).ToArray();
        var (results, callLaw) = Call(definition, given, draw.TargetText, depth: 0);
        if (results.Length != draw.Targets.Length)
        {
            throw Internal($"{draw.Call.Name} gives {results.Length} values to {draw.Targets.Length} names");
        }

        for (var k = 0; k < draw.Targets.Length; k++)
        {
            _values[draw.Targets[k]] = [results[k]];
            _builder.Name(results[k], draw.Targets[k].Name);
            _drawLaws[draw.Targets[k]] = [draw.Targets.Length == 1 ? callLaw : null];
        }
    }

    /// <summary>
    /// One draw from <paramref name="definition"/> with the given argument values: a primitive
    /// draw, or a user distribution's body inlined with its parameters bound to the arguments.
    /// Returns the value(s) and the law of the call when it is known by declaration (a primitive
    /// or a registered standard-library distribution).
    /// </summary>
    private (int[] Values, IrLaw? Law) Call(DistributionDefinition definition, int[] arguments, string name, int depth)
    {
        // Arguments read as the parameter they are for: shape(g[1]), a(i).
        for (var k = 0; k < arguments.Length && k < definition.Parameters.Length; k++)
        {
            if (!_builder.TryConstant(arguments[k], out _) && _builder[arguments[k]] is not IrHead)
            {
                _builder.Name(arguments[k], $"{definition.Parameters[k].Name}({name})");
            }
        }

        switch (definition)
        {
            case PrimitiveDistribution primitive:
                var draw = _builder.Draw(primitive.Kind, arguments);
                _builder.Name(draw, name);
                return ([draw], new IrLaw(StandardLaws.Of(primitive.Kind), arguments.ToImmutableArray()));
            case BoundDistribution user when depth < MaxInlineDepth:
                var values = Inline(user, arguments, name, depth);
                if (StandardLaws.Of(user, _standardSources) is not { } family)
                {
                    return (values, null);
                }

                var law = new IrLaw(family, arguments.ToImmutableArray());
                var call = _registeredCalls++;
                for (var component = 0; component < values.Length; component++)
                {
                    _registered.TryAdd(values[component], new RegisteredValue(law, component, call));
                }

                return (values, law);
            default:
                throw Internal($"cannot inline {definition.Name}");
        }
    }

    private int[] Inline(BoundDistribution distribution, int[] arguments, string prefix, int depth)
    {
        if (arguments.Length != distribution.ParameterSymbols.Length)
        {
            throw Internal($"{distribution.Name} takes {distribution.ParameterSymbols.Length} arguments, got {arguments.Length}");
        }

        for (var k = 0; k < arguments.Length; k++)
        {
            _values[distribution.ParameterSymbols[k]] = [arguments[k]];
        }

        foreach (var statement in distribution.Body)
        {
            switch (statement)
            {
                case BoundConstStatement c:
                    _values[c.Symbol] = [Constant(c.Symbol.Value, c.Value.Span)];
                    break;
                case BoundLetStatement let:
                    // A body has no heads, so every member of a family let has the same value.
                    var value = LowerExpression(let.Value, 0);
                    _values[let.Symbol] = Enumerable.Repeat(value, let.Symbol.Family?.Count ?? 1).ToArray();
                    break;
                case BoundDrawStatement draw:
                    InlineDraw(draw, prefix, depth);
                    break;
                case BoundValueStatement result:
                    return result.Values.Select(v => LowerExpression(v, 0)).ToArray();
                default:
                    throw Internal($"{statement.GetType().Name} in distribution {distribution.Name}");
            }
        }

        throw Internal($"distribution {distribution.Name} has no value statement");
    }

    private void InlineDraw(BoundDrawStatement draw, string prefix, int depth)
    {
        var definition = draw.Call.Distribution ?? throw Internal($"the draw of {draw.TargetText} names no known distribution");
        var arguments = draw.Call.ArgumentsWithDefaults.Select(a => LowerExpression(a, 0)).ToArray();
        if (draw.Family is { } family)
        {
            var target = draw.Targets[0];
            _values[target] = Enumerable.Range(0, family.Count)
                .Select(m => Call(definition, arguments, prefix + "." + MemberName(target, m), depth + 1).Values[0])
                .ToArray();
            return;
        }

        var values = Call(definition, arguments, prefix + "." + draw.TargetText, depth + 1).Values;
        for (var k = 0; k < draw.Targets.Length; k++)
        {
            _values[draw.Targets[k]] = [values[k]];
        }
    }
}
