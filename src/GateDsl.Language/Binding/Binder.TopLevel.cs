using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>Top-level names: visible sets across imports, duplicates, reserved names, file-level constants.</summary>
internal sealed partial class Binder
{
    private void BuildScopes()
    {
        var declsByFile = _files.ToDictionary(f => f, OwnDecls);
        foreach (var file in _files)
        {
            var visible = new Dictionary<string, List<TopLevelDecl>>(StringComparer.Ordinal);
            foreach (var reachable in Closure(file))
            {
                foreach (var decl in declsByFile[reachable])
                {
                    if (!visible.TryGetValue(decl.Name.Text, out var list))
                    {
                        visible[decl.Name.Text] = list = new List<TopLevelDecl>();
                    }

                    list.Add(decl);
                }
            }

            _scopes[file] = new FileScope(file, visible);
        }

        ReportReservedNames(declsByFile);
        ReportDuplicateTopLevel();
    }

    private static List<TopLevelDecl> OwnDecls(SourceFile file)
    {
        var decls = new List<TopLevelDecl>();
        foreach (var item in file.Tree.Root.Items)
        {
            var name = item switch
            {
                ConstItem c => c.Name,
                DistributionDecl d => d.Name,
                CellDecl c => c.Name,
                _ => null,
            };
            if (name is { Text.Length: > 0 })
            {
                decls.Add(new TopLevelDecl(name, item, file));
            }
        }

        return decls;
    }

    /// <summary>The file itself, then every file it imports, transitively, breadth first.</summary>
    private static List<SourceFile> Closure(SourceFile file)
    {
        var order = new List<SourceFile> { file };
        var seen = new HashSet<SourceFile> { file };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var edge in order[i].Imports)
            {
                if (seen.Add(edge.Target))
                {
                    order.Add(edge.Target);
                }
            }
        }

        return order;
    }

    private void ReportReservedNames(Dictionary<SourceFile, List<TopLevelDecl>> declsByFile)
    {
        foreach (var decl in declsByFile.Values.SelectMany(d => d))
        {
            var what = PrimitiveDistribution.All.ContainsKey(decl.Name.Text) ? "a primitive distribution"
                : BuiltinFunctions.IsFunction(decl.Name.Text) ? "a built-in function"
                : null;
            if (what is not null)
            {
                Report(DiagnosticCatalog.ReservedName, decl.File.Tree.Source, decl.Name.Span, decl.Name.Text, what);
            }
        }
    }

    private void ReportDuplicateTopLevel()
    {
        // Two distinct declarations of one name visible in one file clash. Each pair is reported
        // once, at the later declaration, naming the first (imports count as earlier than the file).
        var reported = new HashSet<(TopLevelDecl, TopLevelDecl)>();
        foreach (var file in _files)
        {
            foreach (var decls in _scopes[file].Visible.Values.Where(d => d.Count > 1))
            {
                var ordered = decls.Where(d => d.File != file).Concat(decls.Where(d => d.File == file)).ToList();
                var first = ordered[0];
                foreach (var later in ordered.Skip(1))
                {
                    if (reported.Add((first, later)))
                    {
                        Report(DiagnosticCatalog.DuplicateDefinition, later.File.Tree.Source, later.Name.Span, first.Kind, later.Name.Text, first.LocationSeenFrom(later.File.Tree.Source));
                    }
                }
            }
        }
    }

    /// <summary>Binds a file-level constant once; constants may refer to each other in any order, but not in a cycle.</summary>
    private ConstSymbol GetFileConstant(ConstItem item, FileScope scope)
    {
        if (_fileConstants.TryGetValue(item, out var known))
        {
            return known;
        }

        var source = scope.File.Tree.Source;
        if (_constantsInProgress.Contains(item))
        {
            var start = _constantsInProgress.IndexOf(item);
            var cycle = _constantsInProgress.Skip(start).Append(item).Select(c => c.Name.Text);
            Report(DiagnosticCatalog.RecursiveConstant, source, item.Name.Span, string.Join(" -> ", cycle));
            return new ConstSymbol(item.Name.Text, source, item.Name.Span, Support.UnitInterval, null, isFileLevel: true);
        }

        _constantsInProgress.Add(item);
        var context = new BodyContext(scope, BodyKind.Constant, item.Name.Text);
        var value = BindExpr(item.Value, context);
        var folded = CheckConstant(value, context, $"the constant '{item.Name.Text}'");
        _constantsInProgress.Remove(item);

        if (_fileConstants.TryGetValue(item, out known))
        {
            return known; // a cycle through this constant already settled it
        }

        var symbol = Declare(new ConstSymbol(item.Name.Text, source, item.Name.Span, value.Support, folded, isFileLevel: true));
        _fileConstants[item] = symbol;
        return symbol;
    }

    /// <summary>Reports GATE0305 when <paramref name="value"/> is not a compile-time constant; returns its folded value.</summary>
    private double? CheckConstant(BoundExpr value, BodyContext context, string what)
    {
        if (BoundExprWalker.Variation(value) is { } variation)
        {
            Report(DiagnosticCatalog.NotConstant, context, value.Span, what, variation);
            return null;
        }

        return BoundExprWalker.Fold(value);
    }
}
