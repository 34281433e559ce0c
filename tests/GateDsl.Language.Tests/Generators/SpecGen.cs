using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// FsCheck generators of valid GATE syntax trees: cells, distributions, consts and imports, with
/// nested expressions of every kind, families, tuples, priors with weights and evaluate rules.
/// Parentheses are inserted (as <see cref="ParenExpr"/> nodes) exactly where the grammar's
/// precedence needs them, so rendering a tree token by token parses back to the same tree.
/// The specs are syntactically valid only: names are random, so the binder would reject most of
/// them (and the imports point at files that may not exist). They serve the syntax and formatter
/// properties; <see cref="LargeSpec"/> is the semantically valid one.
/// </summary>
public static class SpecGen
{
    /// <summary>The grammar's keywords, which are never names.</summary>
    public static readonly string[] Keywords =
    {
        "import", "distribution", "cell", "const", "let", "draw", "gate", "candidate", "value", "prior", "weight", "evaluate", "linear",
    };

    /// <summary>Number literals in every form the lexer accepts (the text is what matters to the formatter).</summary>
    public static readonly string[] NumberTexts =
    {
        "0", "1", "2", "10", "007", "0.5", "1.0", "3.25", "1e-3", "1E3", "2.5E+2", "2.5e-10", ".5", ".25e2", "7E-2", "123456789",
    };

    private static readonly TextSpan Nowhere = default;

    // Precedence levels of the expression grammar, loosest first: + -, * /, unary -, ^, atoms.
    private const int Additive = 1;
    private const int Multiplicative = 2;
    private const int Unary = 3;
    private const int PowerLevel = 4;
    private const int Atom = 5;

    /// <summary>Random names: short identifiers that are not keywords, plus a few the stdlib uses.</summary>
    public static Gen<string> Name { get; } =
        Gen.Frequency(
            (3, Gen.Elements("i", "f", "o", "g", "u", "v", "w", "a", "b", "eps", "mean", "sample", "Gamma", "Beta", "softplus", "sigmoid", "x_1", "_t")),
            (2, from first in Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_".ToCharArray())
                from rest in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_".ToCharArray()))
                select first + new string(rest.Take(6).ToArray())))
        .Where(n => Array.IndexOf(Keywords, n) < 0);

    private static Gen<Identifier> Ident => Name.Select(n => new Identifier(n, Nowhere));

    private static Gen<int> SmallInt => Gen.Choose(0, 20);

    /// <summary>An expression of at most <paramref name="depth"/> levels.</summary>
    public static Gen<Expr> Expr(int depth)
    {
        var atoms = Gen.Frequency(
            (4, Gen.Elements(NumberTexts).Select(t => (Expr)new NumberExpr(double.Parse(t, CultureInfo.InvariantCulture), t, Nowhere))),
            (4, Ident.Select(n => (Expr)new NameExpr(n, Nowhere))),
            (2, from n in Ident from k in SmallInt select (Expr)new IndexExpr(n, k, Nowhere, Nowhere)),
            (3, Gen.Constant((Expr)new LinearExpr(Nowhere))));
        if (depth <= 0)
        {
            return atoms;
        }

        var sub = Gen.Sized(size => Expr(Math.Min(depth - 1, size / 8)));
        var binaryOperators = Gen.Elements(BinaryOperator.Add, BinaryOperator.Subtract, BinaryOperator.Multiply, BinaryOperator.Divide, BinaryOperator.Power);
        return Gen.Frequency(
            (3, atoms),
            (4, from op in binaryOperators from l in sub from r in sub select Binary(op, l, r)),
            (2, from callee in Ident from args in Gen.ListOf(sub).Select(a => a.Take(3)) select (Expr)new CallExpr(callee, args.ToImmutableArray(), Nowhere)),
            (1, sub.Select(e => (Expr)new ParenExpr(e, Nowhere))),
            (1, from first in sub from rest in Gen.NonEmptyListOf(sub) select (Expr)new TupleExpr(rest.Take(2).Prepend(first).ToImmutableArray(), Nowhere)),
            (1, sub.Select(e => (Expr)new NegateExpr(AtLeast(Unary, e), Nowhere))));
    }

    /// <summary>A body statement; distributions and cells draw from the same pool (the binder, not the parser, decides what fits where).</summary>
    public static Gen<Statement> Statement(int depth)
    {
        var expr = Expr(depth);
        var call = from callee in Ident from args in Gen.ListOf(expr).Select(a => a.Take(3)) select new CallSyntax(callee, args.ToImmutableArray(), Nowhere);
        return Gen.OneOf(
            from n in Ident from e in expr select (Statement)new ConstStatement(n, e, Nowhere),
            from b in Binder(tuple: false) from e in expr select (Statement)new LetStatement(b, e, Nowhere),
            from b in Binder(tuple: true) from c in call select (Statement)new DrawStatement(b, c, Nowhere),
            from n in Ident from e in expr select (Statement)new GateStatement(n, e, Nowhere),
            from b in Binder(tuple: true) from c in call select (Statement)new GateDrawStatement(b, c, Nowhere),
            expr.Select(e => (Statement)new CandidateStatement(e, Nowhere)),
            expr.Select(e => (Statement)new ValueStatement(e, Nowhere)),
            from t in PriorTarget from c in call from w in Gen.Frequency((1, Gen.Constant<Expr?>(null)), (2, expr.Select(e => (Expr?)e)))
            select (Statement)new PriorStatement(t, c, w, Nowhere),
            Gen.Frequency((3, Gen.Elements("mean", "sample", "mode")), (1, Name)).Select(r => (Statement)new EvaluateStatement(new Identifier(r, Nowhere), Nowhere)));
    }

    /// <summary>A whole file of up to a handful of items.</summary>
    public static Gen<GateFile> File { get; } = Gen.Sized(size =>
    {
        var depth = Math.Min(4, 1 + (size / 15));
        var parameters = Gen.ListOf(Parameter(depth)).Select(p => p.Take(4).ToImmutableArray());
        var body = Gen.ListOf(Statement(depth)).Select(s => s.Take(8).ToImmutableArray());
        var item = Gen.Frequency(
            (1, Gen.Elements("distributions.gate", "cells.gate", "my/other file.gate", "").Select(p => (Item)new ImportItem(p, Nowhere, Nowhere))),
            (2, from n in Ident from e in Expr(depth) select (Item)new ConstItem(n, e, Nowhere)),
            (3, from n in Ident from p in parameters from b in body select (Item)new DistributionDecl(n, p, b, Nowhere)),
            (4, from n in Ident from p in parameters from b in body select (Item)new CellDecl(n, p, b, Nowhere)));
        return Gen.ListOf(item).Select(items => new GateFile(items.Take(6).ToImmutableArray(), Nowhere));
    });

    /// <summary>A file rendered with random layout and random comments.</summary>
    public static Gen<GeneratedSpec> Spec { get; } =
        from file in File
        from seed in Gen.Choose(0, int.MaxValue)
        select SpecRenderer.Render(file, new Random(seed));

    private static Gen<Parameter> Parameter(int depth) =>
        from n in Ident
        from support in Gen.Elements("Real", "Positive", "UnitInterval")
        from d in Gen.Frequency((2, Gen.Constant<Expr?>(null)), (1, Expr(depth - 1).Select(e => (Expr?)e)))
        select new Parameter(n, new Identifier(support, Nowhere), d, Nowhere);

    private static Gen<Binder> Binder(bool tuple)
    {
        var options = new List<(int, Gen<Binder>)>
        {
            (3, Ident.Select(n => (Binder)new NameBinder(n, Nowhere))),
            (2, from n in Ident from r in Range select (Binder)new FamilyBinder(n, r, Nowhere)),
        };
        if (tuple)
        {
            options.Add((1, from first in Ident from rest in Gen.NonEmptyListOf(Ident)
                            select (Binder)new TupleBinder(rest.Take(3).Prepend(first).ToImmutableArray(), Nowhere)));
        }

        return Gen.Frequency(options);
    }

    private static Gen<RangeSyntax> Range =>
        from low in SmallInt from high in SmallInt select new RangeSyntax(low, high, false, Nowhere);

    private static Gen<PriorTarget> PriorTarget =>
        from n in Ident
        from range in Gen.Frequency(
            (2, Gen.Constant<RangeSyntax?>(null)),
            (2, Range.Select(r => (RangeSyntax?)r)),
            (1, SmallInt.Select(k => (RangeSyntax?)new RangeSyntax(k, k, true, Nowhere))))
        select new PriorTarget(n, range, Nowhere);

    /// <summary>Builds <c>l op r</c>, parenthesizing an operand whose precedence would regroup it.</summary>
    private static Expr Binary(BinaryOperator op, Expr left, Expr right)
    {
        if (op == BinaryOperator.Power)
        {
            // Right-associative and binding tighter than unary minus on its left: -a ^ b is -(a ^ b).
            return new BinaryExpr(op, AtLeast(Atom, left), AtLeast(Unary, right), Nowhere);
        }

        var level = op is BinaryOperator.Add or BinaryOperator.Subtract ? Additive : Multiplicative;
        return new BinaryExpr(op, AtLeast(level, left), AtLeast(level + 1, right), Nowhere);
    }

    private static Expr AtLeast(int level, Expr e) => Level(e) >= level ? e : new ParenExpr(e, Nowhere);

    private static int Level(Expr e) => e switch
    {
        BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => Additive,
        BinaryExpr { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } => Multiplicative,
        NegateExpr => Unary,
        BinaryExpr => PowerLevel,
        _ => Atom,
    };
}
