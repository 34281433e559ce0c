using System.Collections.Immutable;
using System.Globalization;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>Distribution calls after <c>~</c>, user distribution declarations, and their parameters.</summary>
internal sealed partial class Binder
{
    private static readonly string[] GateNames = { "i", "f", "o" };

    /// <summary>Binds a user distribution once, wherever it is first needed (so files may use each other in any order).</summary>
    private BoundDistribution GetDistribution(DistributionDecl decl, FileScope scope)
    {
        if (_distributions.TryGetValue(decl, out var known))
        {
            return known;
        }

        _distributionsInProgress.Add(decl);
        var bound = BindDistribution(decl, scope);
        _distributionsInProgress.Remove(decl);
        _distributions[decl] = bound;
        _boundDistributions.Add(bound);
        return bound;
    }

    private BoundDistribution BindDistribution(DistributionDecl decl, FileScope scope)
    {
        var name = decl.Name.Text;
        var context = new BodyContext(scope, BodyKind.Distribution, name);
        var parameters = BindParameters(decl.Parameters, context, isHyperParameter: false);
        Prescan(decl.Body, context);

        var body = ImmutableArray.CreateBuilder<BoundStatement>();
        ValueStatement? firstValue = null;
        var values = ImmutableArray<Support>.Empty;
        foreach (var statement in decl.Body)
        {
            switch (statement)
            {
                case ValueStatement v when firstValue is not null:
                    Report(DiagnosticCatalog.DuplicateValue, context, v.Span, BindingText.Location(context.Source, firstValue.Span));
                    break;
                case ValueStatement v:
                    firstValue = v;
                    var value = BindExpr(v.Value, context, allowTuple: true);
                    var elements = value is BoundTuple t ? t.Elements : ImmutableArray.Create(value);
                    values = elements.Select(e => e.Support).ToImmutableArray();
                    body.Add(new BoundValueStatement(elements, v.Span));
                    break;
                case GateStatement or GateDrawStatement:
                    Report(DiagnosticCatalog.StatementNotAllowed, context, statement.Span, "`gate`", "a cell");
                    break;
                case CandidateStatement:
                    Report(DiagnosticCatalog.StatementNotAllowed, context, statement.Span, "`candidate`", "a cell");
                    break;
                case PriorStatement:
                    Report(DiagnosticCatalog.StatementNotAllowed, context, statement.Span, "`prior`", "a cell");
                    break;
                case EvaluateStatement:
                    Report(DiagnosticCatalog.StatementNotAllowed, context, statement.Span, "`evaluate`", "a cell");
                    break;
                default:
                    if (BindCommonStatement(statement, context) is { } bound)
                    {
                        body.Add(bound);
                    }

                    break;
            }
        }

        if (firstValue is null)
        {
            if (name.Length > 0)
            {
                Report(DiagnosticCatalog.MissingValue, context, decl.Name.Span, name);
            }

            values = ImmutableArray.Create(Support.UnitInterval); // unknown: the smallest support fits everywhere
        }

        var definitions = parameters
            .Select(p => new DistributionParameter(p.Name, p.Support, p.DefaultValue, $"{name}'s parameter '{p.Name}'"))
            .ToImmutableArray();
        return new BoundDistribution(name, context.Source, decl.Name.Span, definitions, parameters, body.ToImmutable(), values);
    }

    /// <summary>Declares parameters into the body's scope, checking supports and defaults.</summary>
    private ImmutableArray<ParameterSymbol> BindParameters(ImmutableArray<Parameter> parameters, BodyContext context, bool isHyperParameter)
    {
        var symbols = ImmutableArray.CreateBuilder<ParameterSymbol>();
        foreach (var parameter in parameters)
        {
            var support = Support.Real;
            var supportName = parameter.Support.Text;
            if (supportName.Length > 0 && !SupportRules.TryParse(supportName, out support))
            {
                Report(DiagnosticCatalog.UnknownSupport, context, parameter.Support.Span, supportName, DidYouMean.Clause(supportName, SupportRules.Names));
            }

            double? defaultValue = null;
            if (parameter.Default is { } defaultSyntax)
            {
                var constantContext = new BodyContext(context.File, BodyKind.Constant, context.Owner);
                var value = BindExpr(defaultSyntax, constantContext);
                defaultValue = CheckConstant(value, context, $"the default of '{parameter.Name.Text}'");
                if (defaultValue is { } d && !SupportRules.Contains(support, d))
                {
                    Report(DiagnosticCatalog.DefaultOutsideSupport, context, defaultSyntax.Span, parameter.Name.Text, support, BoundExprPrinter.Print(value));
                }
            }
            else if (isHyperParameter && parameter.Name.Text.Length > 0)
            {
                Report(DiagnosticCatalog.HyperParameterNeedsDefault, context, parameter.Span, parameter.Name.Text, supportName.Length > 0 ? supportName : "Real");
            }

            if (parameter.Name.Text.Length == 0)
            {
                continue;
            }

            var symbol = new ParameterSymbol(parameter.Name.Text, context.Source, parameter.Name.Span, support, defaultValue, isHyperParameter);
            if (DefineLocal(symbol, context))
            {
                Declare(symbol);
                symbols.Add(symbol);
            }
        }

        return symbols.ToImmutable();
    }

    /// <summary>
    /// Binds <c>Name(args)</c> after <c>~</c>: resolves the distribution, checks the number of
    /// arguments and each argument's support against its parameter.
    /// </summary>
    private BoundDistributionCall BindDistributionCall(CallSyntax call, BodyContext context, string? constantWhat = null)
    {
        var arguments = call.Arguments.Select(a => BindExpr(a, context)).ToImmutableArray();
        var name = call.Callee.Text;
        var definition = name.Length == 0 ? null : ResolveDistribution(call, context);
        if (definition is null)
        {
            return new BoundDistributionCall(name, null, arguments, arguments, ImmutableArray<Support>.Empty, call.Span);
        }

        var parameters = definition.Parameters;
        if (arguments.Length < definition.RequiredArguments || arguments.Length > parameters.Length)
        {
            Report(DiagnosticCatalog.WrongArgumentCount, context, call.Span, name, BindingText.Range(definition.RequiredArguments, parameters.Length, "argument"), arguments.Length);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            double? constant = null;
            if (constantWhat is not null && (constant = CheckConstant(argument, context, constantWhat)) is null)
            {
                continue;
            }

            if (i >= parameters.Length)
            {
                continue;
            }

            // A constant argument is a known number, so it is checked by its value: 2 * 3 - 1 is a
            // fine Gamma shape although a difference is only Real by the typing rules.
            var p = parameters[i];
            if (constant is { } value)
            {
                if (!SupportRules.Contains(p.Support, value))
                {
                    Report(DiagnosticCatalog.ArgumentSupportMismatch, context, argument.Span, p.Role, p.Support, value.ToString("R", CultureInfo.InvariantCulture), string.Empty);
                }
            }
            else if (!SupportRules.IsSubtypeOf(argument.Support, p.Support))
            {
                Report(DiagnosticCatalog.ArgumentSupportMismatch, context, argument.Span, p.Role, p.Support, argument.Support, SupportRules.FixFor(p.Support, argument.Support));
            }
        }

        return new BoundDistributionCall(name, definition, arguments, WithDefaults(arguments, definition, call.Span), definition.ValueSupports(arguments.Length), call.Span);
    }

    /// <summary>The written arguments, then each missing parameter's default (when every missing one has a default).</summary>
    private static ImmutableArray<BoundExpr> WithDefaults(ImmutableArray<BoundExpr> arguments, DistributionDefinition definition, TextSpan callSpan)
    {
        var parameters = definition.Parameters;
        if (arguments.Length >= parameters.Length || parameters.Skip(arguments.Length).Any(p => p.Default is null))
        {
            return arguments;
        }

        var end = new TextSpan(callSpan.Start + callSpan.Length, 0);
        return arguments.AddRange(parameters.Skip(arguments.Length).Select(p =>
            (BoundExpr)new BoundNumber(p.Default!.Value, p.Default.Value.ToString("R", CultureInfo.InvariantCulture), end)));
    }

    private DistributionDefinition? ResolveDistribution(CallSyntax call, BodyContext context)
    {
        var name = call.Callee.Text;
        if (PrimitiveDistribution.All.TryGetValue(name, out var primitive))
        {
            return primitive;
        }

        var decl = context.File.Lookup(name);
        if (decl?.Syntax is DistributionDecl distribution)
        {
            if (_distributionsInProgress.Contains(distribution))
            {
                var start = _distributionsInProgress.IndexOf(distribution);
                var cycle = _distributionsInProgress.Skip(start).Append(distribution).Select(d => d.Name.Text);
                Report(DiagnosticCatalog.RecursiveDistribution, context, call.Callee.Span, string.Join(" -> ", cycle));
                return null;
            }

            return GetDistribution(distribution, _scopes[decl.File]);
        }

        if (decl is not null)
        {
            Report(DiagnosticCatalog.WrongKindOfName, context, call.Callee.Span, name, "a " + decl.Kind, "a distribution");
            return null;
        }

        if (BuiltinFunctions.IsFunction(name))
        {
            Report(DiagnosticCatalog.WrongKindOfName, context, call.Callee.Span, name, "a function", $"a distribution: use it in an expression, e.g. Gamma({name}(linear))");
            return null;
        }

        var candidates = PrimitiveDistribution.All.Keys.Concat(
            context.File.Visible.Where(p => p.Value.Any(d => d.Syntax is DistributionDecl)).Select(p => p.Key));
        Report(DiagnosticCatalog.UnknownDistribution, context, call.Callee.Span, name, StandardLibraryIndex.MissingImportClause(name) ?? DidYouMean.Clause(name, candidates));
        return null;
    }

    /// <summary>
    /// Binds <c>draw target ~ D(...)</c> or <c>gate target ~ D(...)</c> and defines the names it binds.
    /// </summary>
    private BoundDrawStatement BindDraw(Syntax.Binder target, CallSyntax callSyntax, bool isGate, Statement statement, BodyContext context)
    {
        var firstHead = context.NextHead;
        var call = BindDistributionCall(callSyntax, context);
        var supports = call.ValueSupports;
        var known = supports.Length > 0;
        var joint = supports.Length > 1;
        var targets = ImmutableArray.CreateBuilder<Symbol>();
        FamilyRange? family = null;
        switch (target)
        {
            case NameBinder { Name.Text.Length: > 0 } n:
                if (joint)
                {
                    var example = isGate ? string.Join(", ", GateNames.Take(supports.Length)) : string.Join(", ", Enumerable.Range(1, supports.Length).Select(k => n.Name.Text + k));
                    Report(DiagnosticCatalog.JointNeedsTuple, context, n.Span, call.Name, supports.Length, example);
                }

                var support = known && !joint ? supports[0] : Support.UnitInterval;
                targets.Add(DefineDrawn(n.Name, support, null, call, isGate, isJointMember: false, context));
                break;
            case FamilyBinder { Name.Text.Length: > 0 } f:
                if (isGate)
                {
                    Report(DiagnosticCatalog.UnknownGate, context, f.Span, $"{f.Name.Text}[{f.Range.Low}..{f.Range.High}]", string.Empty);
                    break;
                }

                if (f.Range.Low > f.Range.High)
                {
                    Report(DiagnosticCatalog.EmptyRange, context, f.Range.Span, f.Range.Low, f.Range.High);
                }

                if (joint)
                {
                    Report(DiagnosticCatalog.JointNeedsTuple, context, f.Span, call.Name, supports.Length, string.Join(", ", Enumerable.Range(1, supports.Length).Select(k => f.Name.Text + k)));
                }

                family = new FamilyRange(f.Range.Low, f.Range.High);
                ReserveFamilyHeads(firstHead, family.Value, context);
                targets.Add(DefineDrawn(f.Name, known && !joint ? supports[0] : Support.UnitInterval, family, call, isGate: false, isJointMember: false, context));
                break;
            case TupleBinder t:
                if (known && supports.Length != t.Names.Length)
                {
                    Report(DiagnosticCatalog.TupleArityMismatch, context, t.Span, call.Name, BindingText.Count(supports.Length, "value"), BindingText.Count(t.Names.Length, "name"));
                }

                for (var k = 0; k < t.Names.Length; k++)
                {
                    if (t.Names[k].Text.Length > 0)
                    {
                        var memberSupport = k < supports.Length ? supports[k] : Support.UnitInterval;
                        targets.Add(DefineDrawn(t.Names[k], memberSupport, null, call, isGate, isJointMember: true, context));
                    }
                }

                break;
        }

        return new BoundDrawStatement(targets.ToImmutable(), call, isGate, family, statement.Span);
    }

    private Symbol DefineDrawn(Identifier name, Support support, FamilyRange? family, BoundDistributionCall call, bool isGate, bool isJointMember, BodyContext context)
    {
        if (!isGate)
        {
            var draw = new DrawSymbol(name.Text, context.Source, name.Span, support, family, call.Name, isJointMember);
            if (DefineLocal(draw, context))
            {
                Declare(draw);
            }

            return draw;
        }

        if (!GateNames.Contains(name.Text))
        {
            Report(DiagnosticCatalog.UnknownGate, context, name.Span, name.Text, DidYouMean.Clause(name.Text, GateNames));
        }
        else if (support != Support.UnitInterval)
        {
            Report(DiagnosticCatalog.GateNotUnitInterval, context, isJointMember ? name.Span : call.Span, name.Text, support, $": {call.Name} is not a law on (0,1); draw from a distribution whose value is UnitInterval, such as Beta");
        }

        var gate = new GateSymbol(name.Text, context.Source, name.Span, support, isDrawn: true, isJointMember, isStochastic: true, call.Name);
        DefineLocal(gate, context);
        return gate;
    }

    /// <summary>Adds a local to the body's scope, reporting a duplicate (GATE0402 for gates, GATE0202 otherwise).</summary>
    private bool DefineLocal(Symbol symbol, BodyContext context)
    {
        if (symbol.Name.Length == 0)
        {
            return false;
        }

        // A local named like a built-in would shadow it for the rest of the body; refuse it the way
        // top-level declarations are refused.
        var reserved = PrimitiveDistribution.All.ContainsKey(symbol.Name) ? "a primitive distribution"
            : BuiltinFunctions.IsFunction(symbol.Name) ? "a built-in function"
            : null;
        if (reserved is not null)
        {
            Report(DiagnosticCatalog.ReservedName, context, symbol.Span, symbol.Name, reserved);
            return false;
        }

        if (context.Locals.TryGetValue(symbol.Name, out var existing))
        {
            if (symbol is GateSymbol && existing is GateSymbol)
            {
                Report(DiagnosticCatalog.DuplicateGate, context, symbol.Span, symbol.Name, existing.Location);
            }
            else
            {
                Report(DiagnosticCatalog.DuplicateDefinition, context, symbol.Span, KindWord(existing), symbol.Name, existing.Location);
            }

            return false;
        }

        context.Locals[symbol.Name] = symbol;
        return true;
    }

    private static string KindWord(Symbol symbol) => symbol switch
    {
        ConstSymbol => "constant",
        ParameterSymbol => "parameter",
        LetSymbol => "let",
        DrawSymbol => "draw",
        _ => "gate",
    };

    /// <summary>
    /// A family statement's expressions were bound once, numbering L heads from
    /// <paramref name="firstHead"/>; members 2.. use the next blocks of L (see <see cref="BoundLinear"/>).
    /// </summary>
    private static void ReserveFamilyHeads(long firstHead, FamilyRange family, BodyContext context)
    {
        var perMember = context.NextHead - firstHead;
        context.NextHead = firstHead + (perMember * family.Count);
    }

    /// <summary>Records every name a body declares, so a use before the definition says so (GATE0211).</summary>
    private static void Prescan(ImmutableArray<Statement> body, BodyContext context)
    {
        void Add(Identifier name)
        {
            if (name.Text.Length > 0)
            {
                context.Declared.TryAdd(name.Text, name.Span);
            }
        }

        void AddBinder(Syntax.Binder binder)
        {
            switch (binder)
            {
                case NameBinder n: Add(n.Name); break;
                case FamilyBinder f: Add(f.Name); break;
                case TupleBinder t:
                    foreach (var name in t.Names)
                    {
                        Add(name);
                    }

                    break;
            }
        }

        foreach (var statement in body)
        {
            switch (statement)
            {
                case ConstStatement c: Add(c.Name); break;
                case LetStatement l: AddBinder(l.Target); break;
                case DrawStatement d: AddBinder(d.Target); break;
                case GateDrawStatement g: AddBinder(g.Target); break;
                case GateStatement g: Add(g.Name); break;
            }
        }
    }

    /// <summary>Statements shared by cells and distributions: const, let and draw. Returns null for the rest.</summary>
    private BoundStatement? BindCommonStatement(Statement statement, BodyContext context)
    {
        switch (statement)
        {
            case ConstStatement c:
                var value = BindExpr(c.Value, context);
                var folded = CheckConstant(value, context, $"the constant '{c.Name.Text}'");
                var constant = new ConstSymbol(c.Name.Text, context.Source, c.Name.Span, value.Support, folded, isFileLevel: false);
                if (DefineLocal(constant, context))
                {
                    Declare(constant);
                }

                return new BoundConstStatement(constant, value, c.Span);
            case LetStatement l:
                return BindLet(l, context);
            case DrawStatement d:
                return BindDraw(d.Target, d.Distribution, isGate: false, d, context);
            default:
                return null;
        }
    }

    private BoundLetStatement? BindLet(LetStatement let, BodyContext context)
    {
        var firstHead = context.NextHead;
        var value = BindExpr(let.Value, context);
        Identifier name;
        FamilyRange? family = null;
        switch (let.Target)
        {
            case NameBinder n:
                name = n.Name;
                break;
            case FamilyBinder f:
                name = f.Name;
                if (f.Range.Low > f.Range.High)
                {
                    Report(DiagnosticCatalog.EmptyRange, context, f.Range.Span, f.Range.Low, f.Range.High);
                }

                family = new FamilyRange(f.Range.Low, f.Range.High);
                ReserveFamilyHeads(firstHead, family.Value, context);
                break;
            case TupleBinder t:
                Report(DiagnosticCatalog.TupleArityMismatch, context, t.Span, "a let", "1 value", BindingText.Count(t.Names.Length, "name"));
                return null;
            default:
                return null;
        }

        if (name.Text.Length == 0)
        {
            return null;
        }

        var symbol = new LetSymbol(name.Text, context.Source, name.Span, value.Support, family, BoundExprWalker.IsStochastic(value));
        if (DefineLocal(symbol, context))
        {
            Declare(symbol);
        }

        return new BoundLetStatement(symbol, value, let.Span);
    }
}
