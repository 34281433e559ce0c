using System.Collections.Immutable;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>Expressions: names, members, link functions, arithmetic and the support rules.</summary>
internal sealed partial class Binder
{
    /// <summary>Binds an expression. Tuples are only accepted where <paramref name="allowTuple"/> says so (a distribution's value).</summary>
    private BoundExpr BindExpr(Expr expr, BodyContext context, bool allowTuple = false)
    {
        switch (expr)
        {
            case NumberExpr n:
                return new BoundNumber(n.Value, n.Text, n.Span);
            case LinearExpr l:
                if (context.Kind == BodyKind.Distribution)
                {
                    Report(DiagnosticCatalog.LinearOutsideCell, context, l.Span);
                }

                // Past int.MaxValue (a family of billions of heads) the index saturates; lowering
                // refuses such cells before it uses an index.
                return new BoundLinear((int)Math.Min(context.NextHead++, int.MaxValue), l.Span);
            case NameExpr n:
                return BindName(n.Name, n.Span, context);
            case IndexExpr i:
                return BindMember(i, context);
            case ParenExpr p:
                return BindExpr(p.Inner, context);
            case TupleExpr t:
                var elements = t.Elements.Select(e => BindExpr(e, context)).ToImmutableArray();
                if (!allowTuple)
                {
                    Report(DiagnosticCatalog.TupleNotAllowed, context, t.Span);
                    return new BoundError(t.Span);
                }

                return new BoundTuple(elements, t.Span);
            case NegateExpr n:
                return new BoundNegate(BindExpr(n.Operand, context), n.Span);
            case CallExpr c:
                return BindFunctionCall(c, context);
            case BinaryExpr b:
                return BindBinary(b, context);
            default:
                return new BoundError(expr.Span);
        }
    }

    /// <summary>Resolves a name used as a value: locals and parameters, then file-level constants.</summary>
    private BoundExpr BindName(Identifier name, TextSpan span, BodyContext context)
    {
        var symbol = ResolveValue(name, context);
        if (symbol is null)
        {
            return new BoundError(span);
        }

        Use(symbol);
        if (symbol.Family is { } family)
        {
            Report(DiagnosticCatalog.FamilyNeedsIndex, context, span, symbol.Name, family.Low, family.High);
            return new BoundError(span);
        }

        return new BoundName(symbol, span);
    }

    private BoundExpr BindMember(IndexExpr index, BodyContext context)
    {
        var symbol = ResolveValue(index.Name, context);
        if (symbol is null)
        {
            return new BoundError(index.Span);
        }

        Use(symbol);
        if (symbol.Family is not { } family)
        {
            Report(DiagnosticCatalog.NotAFamily, context, index.Name.Span, symbol.Name);
            return new BoundError(index.Span);
        }

        if (!family.Contains(index.Index))
        {
            Report(DiagnosticCatalog.IndexOutOfRange, context, index.IndexSpan, symbol.Name, index.Index, family.Low, family.High);
            return new BoundError(index.Span);
        }

        return new BoundMember(symbol, index.Index, index.Span);
    }

    /// <summary>
    /// Finds the symbol a value name refers to, reporting why when there is none: defined later in
    /// the body (GATE0211), a distribution or function used as a value (GATE0210), or undefined
    /// (GATE0201 with a suggestion). Empty names come from parser recovery and are skipped.
    /// </summary>
    private Symbol? ResolveValue(Identifier name, BodyContext context)
    {
        var text = name.Text;
        if (text.Length == 0)
        {
            return null;
        }

        if (context.Locals.TryGetValue(text, out var local))
        {
            return local;
        }

        if (context.Declared.TryGetValue(text, out var later))
        {
            Report(DiagnosticCatalog.UsedBeforeDefinition, context, name.Span, text, BindingText.Location(context.Source, later));
            return null;
        }

        if (context.File.Lookup(text) is { } decl)
        {
            if (decl.Syntax is ConstItem constant)
            {
                return GetFileConstant(constant, _scopes[decl.File]);
            }

            Report(DiagnosticCatalog.WrongKindOfName, context, name.Span, text, "a " + decl.Kind, "a value");
            return null;
        }

        if (PrimitiveDistribution.All.ContainsKey(text))
        {
            Report(DiagnosticCatalog.WrongKindOfName, context, name.Span, text, "a primitive distribution", "a value");
            return null;
        }

        if (BuiltinFunctions.IsFunction(text))
        {
            Report(DiagnosticCatalog.WrongKindOfName, context, name.Span, text, "a function", $"a value: call it as {text}(...)");
            return null;
        }

        Report(DiagnosticCatalog.UndefinedName, context, name.Span, text, DidYouMean.Clause(text, VisibleValueNames(context)));
        return null;
    }

    private static IEnumerable<string> VisibleValueNames(BodyContext context) =>
        context.Locals.Keys.Concat(context.File.Visible.Where(p => p.Value.Any(d => d.Syntax is ConstItem)).Select(p => p.Key));

    private BoundExpr BindFunctionCall(CallExpr call, BodyContext context)
    {
        var arguments = call.Arguments.Select(a => BindExpr(a, context)).ToImmutableArray();
        var name = call.Callee.Text;
        if (name.Length == 0)
        {
            return new BoundError(call.Span);
        }

        if (!BuiltinFunctions.TryParse(name, out var function))
        {
            if (IsDistributionName(name, context))
            {
                Report(DiagnosticCatalog.WrongKindOfName, context, call.Callee.Span, name, "a distribution", $"a function: draw from it with `draw x ~ {name}(...)`");
            }
            else if (context.Locals.TryGetValue(name, out var local))
            {
                Report(DiagnosticCatalog.WrongKindOfName, context, call.Callee.Span, name, local.KindName, "a function");
            }
            else if (context.File.Lookup(name) is { } decl)
            {
                Report(DiagnosticCatalog.WrongKindOfName, context, call.Callee.Span, name, "a " + decl.Kind, "a function");
            }
            else
            {
                var missingImport = StandardLibraryIndex.MissingImportClause(name) is { } clause ? $"{clause} and draw from it: `draw x ~ {name}(...)`" : null;
                Report(DiagnosticCatalog.UnknownFunction, context, call.Callee.Span, name, missingImport ?? DidYouMean.Clause(name, BuiltinFunctions.Names));
            }

            return new BoundError(call.Span);
        }

        if (arguments.Length != 1)
        {
            Report(DiagnosticCatalog.WrongArgumentCount, context, call.Span, name, "1 argument", arguments.Length);
        }
        else
        {
            var needed = SupportRules.ArgumentOfFunction(function);
            var actual = arguments[0].Support;
            if (!SupportRules.IsSubtypeOf(actual, needed))
            {
                Report(DiagnosticCatalog.ArgumentSupportMismatch, context, arguments[0].Span, $"the argument of {name}", needed, actual, SupportRules.FixFor(needed, actual));
            }
        }

        return new BoundCall(function, arguments, SupportRules.OfFunction(function), call.Span);
    }

    private BoundExpr BindBinary(BinaryExpr binary, BodyContext context)
    {
        var left = BindExpr(binary.Left, context);
        var right = BindExpr(binary.Right, context);
        Support support;
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                support = SupportRules.Add(left.Support, right.Support);
                break;
            case BinaryOperator.Subtract:
                // The constant 1 written as a literal (1, 1.0) or a named constant; checked in O(1)
                // because long chains such as 1 - a - b - ... would otherwise fold quadratically.
                var leftIsOne = left is BoundNumber { Value: 1 } or BoundName { Symbol: ConstSymbol { Value: 1 } };
                support = SupportRules.Subtract(left.Support, right.Support, leftIsOne);
                break;
            case BinaryOperator.Multiply:
                support = SupportRules.Multiply(left.Support, right.Support);
                break;
            case BinaryOperator.Divide:
                support = SupportRules.Divide(left, right);
                if (BoundExprWalker.Variation(right) is null && BoundExprWalker.Fold(right) == 0)
                {
                    var text = BoundExprPrinter.Print(new BoundBinary(binary.Operator, left, right, support, binary.Span));
                    Report(DiagnosticCatalog.DivisionByZero, context, right.Span, text);
                }

                break;
            default:
                if (!SupportRules.IsValidPowerBase(left.Support))
                {
                    Report(DiagnosticCatalog.PowerBaseNotPositive, context, left.Span, left.Support, SupportRules.FixFor(Support.Positive, left.Support));
                }

                support = SupportRules.Power(left.Support, right.Support);
                break;
        }

        return new BoundBinary(binary.Operator, left, right, support, binary.Span);
    }
}
