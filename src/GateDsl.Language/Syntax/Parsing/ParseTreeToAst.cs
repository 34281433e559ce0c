using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax.Generated;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax.Parsing;

/// <summary>
/// Maps ANTLR's parse tree to GateDsl's immutable syntax tree. This is the only code that sees
/// parse-tree types. After error recovery a context may lack children; every method here turns a
/// missing piece into an empty identifier or an <see cref="ErrorExpr"/> instead of throwing, since
/// the parser has already reported the syntax error.
/// </summary>
internal sealed class ParseTreeToAst
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;

    public ParseTreeToAst(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    // file : item* EOF ;
    public GateFile VisitFile(GateDslParser.FileContext context)
    {
        var items = ImmutableArray.CreateBuilder<Item>();
        foreach (var item in context.item())
        {
            var mapped = VisitItem(item);
            if (mapped is not null)
            {
                items.Add(mapped);
            }
        }

        return new GateFile(items.ToImmutable(), new TextSpan(0, _source.Length));
    }

    // callInput : call EOF ;
    public CallSyntax VisitCallInput(GateDslParser.CallInputContext context) => VisitCall(context.call(), context);

    // item : importDecl | constDecl | distributionDecl | cellDecl ;
    private Item? VisitItem(GateDslParser.ItemContext context)
    {
        if (context.importDecl() is { } import)
        {
            return VisitImport(import);
        }

        if (context.constDecl() is { } constant)
        {
            var (name, value) = VisitConstDecl(constant);
            return new ConstItem(name, value, SpanOf(constant));
        }

        if (context.distributionDecl() is { } distribution)
        {
            return VisitDistribution(distribution);
        }

        return context.cellDecl() is { } cell ? VisitCell(cell) : null;
    }

    // importDecl : IMPORT STRING ;
    private ImportItem VisitImport(GateDslParser.ImportDeclContext context)
    {
        var token = context.STRING();
        var text = IsPresent(token) ? token!.GetText() : "\"\"";
        var path = text.Length >= 2 ? text[1..^1] : string.Empty;
        var pathSpan = IsPresent(token) ? SpanOf(token!.Symbol) : SpanOf(context);
        return new ImportItem(path, pathSpan, SpanOf(context));
    }

    // distributionDecl : DISTRIBUTION IDENT parameterList body ;
    private DistributionDecl VisitDistribution(GateDslParser.DistributionDeclContext context) =>
        new(
            Ident(context.IDENT(), context),
            VisitParameters(context.parameterList()),
            VisitBody(context.body()),
            SpanOf(context));

    // cellDecl : CELL IDENT parameterList? body ;
    private CellDecl VisitCell(GateDslParser.CellDeclContext context) =>
        new(
            Ident(context.IDENT(), context),
            VisitParameters(context.parameterList()),
            VisitBody(context.body()),
            SpanOf(context));

    // parameterList : '(' (parameter (',' parameter)*)? ')' ;
    private ImmutableArray<Parameter> VisitParameters(GateDslParser.ParameterListContext? context)
    {
        if (context is null)
        {
            return ImmutableArray<Parameter>.Empty;
        }

        return context.parameter().Select(VisitParameter).ToImmutableArray();
    }

    // parameter : IDENT ':' IDENT ('=' expr)? ;
    private Parameter VisitParameter(GateDslParser.ParameterContext context)
    {
        var name = Ident(context.IDENT(0), context);
        var support = Ident(context.IDENT(1), context);
        var defaultValue = context.expr() is { } expr ? VisitExpr(expr) : null;
        return new Parameter(name, support, defaultValue, SpanOf(context));
    }

    // body : '{' statement* '}' ;
    private ImmutableArray<Statement> VisitBody(GateDslParser.BodyContext? context)
    {
        if (context is null)
        {
            return ImmutableArray<Statement>.Empty;
        }

        var statements = ImmutableArray.CreateBuilder<Statement>();
        foreach (var statement in context.statement())
        {
            if (VisitStatement(statement) is { } mapped)
            {
                statements.Add(mapped);
            }
        }

        return statements.ToImmutable();
    }

    // statement : constDecl | LET binder '=' expr | DRAW binder '~' call | GATE IDENT '=' expr
    //           | GATE binder '~' call | CANDIDATE '=' expr | VALUE expr
    //           | PRIOR priorTarget '~' call (WEIGHT expr)? | EVALUATE IDENT | ';' ;
    private Statement? VisitStatement(GateDslParser.StatementContext context)
    {
        var span = SpanOf(context);
        switch (context)
        {
            case GateDslParser.ConstStatementContext c when c.constDecl() is { } decl:
                var (name, value) = VisitConstDecl(decl);
                return new ConstStatement(name, value, span);
            case GateDslParser.LetStatementContext c:
                return new LetStatement(VisitBinder(c.binder(), c), Expr(c.expr(), c), span);
            case GateDslParser.DrawStatementContext c:
                return new DrawStatement(VisitBinder(c.binder(), c), VisitCall(c.call(), c), span);
            case GateDslParser.GateStatementContext c:
                return new GateStatement(Ident(c.IDENT(), c), Expr(c.expr(), c), span);
            case GateDslParser.GateDrawStatementContext c:
                return new GateDrawStatement(VisitBinder(c.binder(), c), VisitCall(c.call(), c), span);
            case GateDslParser.CandidateStatementContext c:
                return new CandidateStatement(Expr(c.expr(), c), span);
            case GateDslParser.ValueStatementContext c:
                return new ValueStatement(Expr(c.expr(), c), span);
            case GateDslParser.PriorStatementContext c:
                var weight = c.WEIGHT() is not null ? Expr(c.expr(), c) : null;
                return new PriorStatement(VisitPriorTarget(c.priorTarget(), c), VisitCall(c.call(), c), weight, span);
            case GateDslParser.EvaluateStatementContext c:
                return new EvaluateStatement(Ident(c.IDENT(), c), span);
            default:
                // ';' and statements the parser could not recognise (already reported).
                return null;
        }
    }

    // constDecl : CONST IDENT '=' expr ;
    private (Identifier Name, Expr Value) VisitConstDecl(GateDslParser.ConstDeclContext context) =>
        (Ident(context.IDENT(), context), Expr(context.expr(), context));

    // binder : IDENT | IDENT '[' range ']' | '(' IDENT (',' IDENT)+ ')' ;
    private Binder VisitBinder(GateDslParser.BinderContext? context, ParserRuleContext parent)
    {
        switch (context)
        {
            case GateDslParser.NameBinderContext c:
                return new NameBinder(Ident(c.IDENT(), c), SpanOf(c));
            case GateDslParser.FamilyBinderContext c:
                return new FamilyBinder(Ident(c.IDENT(), c), VisitRange(c.range(), c), SpanOf(c));
            case GateDslParser.TupleBinderContext c:
                var names = c.IDENT().Select(n => Ident(n, c)).ToImmutableArray();
                return new TupleBinder(names, SpanOf(c));
            default:
                var at = context is null ? EndOf(parent) : SpanOf(context);
                return new NameBinder(new Identifier(string.Empty, at), at);
        }
    }

    // priorTarget : IDENT ('[' (range | INT) ']')? ;
    private PriorTarget VisitPriorTarget(GateDslParser.PriorTargetContext? context, ParserRuleContext parent)
    {
        if (context is null)
        {
            var at = EndOf(parent);
            return new PriorTarget(new Identifier(string.Empty, at), null, at);
        }

        RangeSyntax? range = null;
        if (context.range() is { } r)
        {
            range = VisitRange(r, context);
        }
        else if (IsPresent(context.INT()))
        {
            var index = Integer(context.INT().Symbol);
            range = new RangeSyntax(index, index, true, SpanOf(context.INT().Symbol));
        }

        return new PriorTarget(Ident(context.IDENT(), context), range, SpanOf(context));
    }

    // range : INT '..' INT ;
    private RangeSyntax VisitRange(GateDslParser.RangeContext? context, ParserRuleContext parent)
    {
        if (context is null)
        {
            return new RangeSyntax(1, 1, false, EndOf(parent));
        }

        var low = IsPresent(context.INT(0)) ? Integer(context.INT(0).Symbol) : 1;
        var high = IsPresent(context.INT(1)) ? Integer(context.INT(1).Symbol) : low;
        return new RangeSyntax(low, high, false, SpanOf(context));
    }

    // call : IDENT '(' (expr (',' expr)*)? ')' ;
    private CallSyntax VisitCall(GateDslParser.CallContext? context, ParserRuleContext parent)
    {
        if (context is null)
        {
            var at = EndOf(parent);
            return new CallSyntax(new Identifier(string.Empty, at), ImmutableArray<Expr>.Empty, at);
        }

        var arguments = context.expr().Select(VisitExpr).ToImmutableArray();
        return new CallSyntax(Ident(context.IDENT(), context), arguments, SpanOf(context));
    }

    private Expr Expr(GateDslParser.ExprContext? context, ParserRuleContext parent) =>
        context is null ? new ErrorExpr(EndOf(parent)) : VisitExpr(context);

    // expr : '(' expr ')' | '(' expr (',' expr)+ ')' | IDENT '(' args ')' | IDENT '[' INT ']' | IDENT
    //      | LINEAR | NUMBER | INT | expr '^' expr | '-' expr | expr ('*'|'/') expr | expr ('+'|'-') expr ;
    private Expr VisitExpr(GateDslParser.ExprContext context)
    {
        var span = SpanOf(context);
        if (context.exception is not null && context.ChildCount == 0)
        {
            return new ErrorExpr(span);
        }

        switch (context)
        {
            case GateDslParser.ParenExprContext c:
                return new ParenExpr(Expr(c.expr(), c), span);
            case GateDslParser.TupleExprContext c:
                return new TupleExpr(c.expr().Select(VisitExpr).ToImmutableArray(), span);
            case GateDslParser.CallExprContext c:
                return new CallExpr(Ident(c.IDENT(), c), c.expr().Select(VisitExpr).ToImmutableArray(), span);
            case GateDslParser.IndexExprContext c:
                var indexToken = c.INT();
                var index = IsPresent(indexToken) ? Integer(indexToken.Symbol) : 0;
                var indexSpan = IsPresent(indexToken) ? SpanOf(indexToken.Symbol) : span;
                return new IndexExpr(Ident(c.IDENT(), c), index, indexSpan, span);
            case GateDslParser.NameExprContext c:
                return IsPresent(c.IDENT()) ? new NameExpr(Ident(c.IDENT(), c), span) : new ErrorExpr(span);
            case GateDslParser.LinearExprContext:
                return new LinearExpr(span);
            case GateDslParser.NumberExprContext c:
                // After error recovery the context may hold the offending token instead of a number.
                var numberToken = IsPresent(c.NUMBER()) ? c.NUMBER() : c.INT();
                return IsPresent(numberToken) ? Number(numberToken!.Symbol, span) : new ErrorExpr(span);
            case GateDslParser.PowerExprContext c:
                return Binary(BinaryOperator.Power, c.expr(0), c.expr(1), c, span);
            case GateDslParser.NegateExprContext c:
                return new NegateExpr(Expr(c.expr(), c), span);
            case GateDslParser.MultiplicativeExprContext c:
                return Binary(OperatorOf(c.op, BinaryOperator.Multiply), c.expr(0), c.expr(1), c, span);
            case GateDslParser.AdditiveExprContext c:
                return Binary(OperatorOf(c.op, BinaryOperator.Add), c.expr(0), c.expr(1), c, span);
            default:
                return new ErrorExpr(span);
        }
    }

    private BinaryExpr Binary(BinaryOperator op, GateDslParser.ExprContext? left, GateDslParser.ExprContext? right, ParserRuleContext context, TextSpan span) =>
        new(op, Expr(left, context), Expr(right, context), span);

    private static BinaryOperator OperatorOf(IToken? token, BinaryOperator fallback) =>
        BinaryOperatorText.Parse(token?.Text) ?? fallback;

    private Expr Number(IToken token, TextSpan span)
    {
        var text = token.Text ?? string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, _source, span, text);
            value = 0;
        }

        return new NumberExpr(value, text, span);
    }

    private int Integer(IToken token)
    {
        if (int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Report(DiagnosticCatalog.IntegerTooLarge, _source, SpanOf(token), token.Text);
        return 0;
    }

    private Identifier Ident(ITerminalNode? node, ParserRuleContext parent) =>
        IsPresent(node)
            ? new Identifier(node!.GetText(), SpanOf(node.Symbol))
            : new Identifier(string.Empty, EndOf(parent));

    /// <summary>A terminal that really is in the text (error recovery conjures tokens with index -1).</summary>
    private static bool IsPresent(ITerminalNode? node) =>
        node is not null && node is not IErrorNode && node.Symbol.TokenIndex >= 0 && node.Symbol.StartIndex >= 0;

    private TextSpan SpanOf(IToken token)
    {
        if (token.StartIndex < 0 || token.Type == TokenConstants.EOF)
        {
            return new TextSpan(Math.Clamp(token.StartIndex, 0, _source.Length), 0);
        }

        return TextSpan.FromBounds(token.StartIndex, Math.Min(token.StopIndex + 1, _source.Length));
    }

    private TextSpan SpanOf(ParserRuleContext context)
    {
        var start = context.Start is { StartIndex: >= 0 } s ? s.StartIndex : 0;
        var stop = context.Stop;
        if (stop is null || stop.StopIndex < start || stop.Type == TokenConstants.EOF)
        {
            return new TextSpan(Math.Min(start, _source.Length), 0);
        }

        return TextSpan.FromBounds(Math.Min(start, _source.Length), Math.Min(stop.StopIndex + 1, _source.Length));
    }

    private TextSpan EndOf(ParserRuleContext context)
    {
        var span = SpanOf(context);
        return new TextSpan(span.End, 0);
    }
}
