using GateDsl.Language.Binding;
using GateDsl.Language.Text;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// Where the statements of one cell stand in its spec, so that the emitted code can quote the line a
/// gate, draw or prior comes from. The gate IR has no spans (equal instructions must compare equal);
/// this map goes from the names the IR keeps (<see cref="Ir.IrProgram.Names"/>, the slots, the KL
/// terms' targets) back to the bound cell's statements.
/// </summary>
public sealed class CellSourceMap
{
    private readonly Dictionary<string, SourceLine> _byName = new(StringComparer.Ordinal);
    private readonly List<(string Target, FamilyRange? Members, SourceLine Line)> _priors = new();
    private readonly SourceLine? _candidate;

    private CellSourceMap(BoundCell cell)
    {
        File = Path.GetFileName(cell.Source.Path);
        CellLine = cell.Source.GetLinePosition(cell.Span.Start).Line;
        foreach (var statement in cell.Body)
        {
            var line = Quote(cell.Source, statement.Span);
            switch (statement)
            {
                case BoundLetStatement let:
                    _byName.TryAdd(let.Symbol.Name, line);
                    break;
                case BoundDrawStatement draw:
                    foreach (var target in draw.Targets)
                    {
                        _byName.TryAdd(target.Name, line);
                    }

                    break;
                case BoundGateStatement gate:
                    _byName.TryAdd(gate.Symbol.Name, line);
                    break;
                case BoundCandidateStatement:
                    _candidate = line;
                    break;
                case BoundPriorStatement prior:
                    _priors.Add((prior.Target.Name, prior.Members, line));
                    break;
            }
        }
    }

    /// <summary>The spec file's name.</summary>
    public string File { get; }

    /// <summary>1-based line of the cell's declaration.</summary>
    public int CellLine { get; }

    /// <summary>
    /// The map of a cell of the compilation's given files, or null when there is none of that name
    /// (or the compilation has no bound model).
    /// </summary>
    public static CellSourceMap? Find(Compilation compilation, string cellName)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var summary = compilation.Cells.FirstOrDefault(c => c.Name == cellName);
        var cell = summary is null
            ? null
            : compilation.Model.Cells.FirstOrDefault(c => c.Name == cellName && c.Source.Path == summary.Path);
        return cell is null ? null : new CellSourceMap(cell);
    }

    /// <summary>The statement that defines slot <paramref name="slot"/> (i, f, o or candidate).</summary>
    public SourceLine? ForSlot(string slot) => slot == "candidate" ? _candidate : _byName.GetValueOrDefault(slot);

    /// <summary>
    /// The statement an IR name comes from: <c>g[3]</c> and <c>shape(g[3])</c> from <c>draw g[1..5] ~ ...</c>,
    /// <c>a(i)</c> and <c>i.u</c> from <c>gate i ~ Beta(...)</c>, <c>(i, f).u</c> from <c>gate (i, f) ~ ...</c>.
    /// </summary>
    public SourceLine? ForName(string irName) => _byName.GetValueOrDefault(Owner(irName));

    /// <summary>The prior statement behind a KL term whose target is <paramref name="target"/> (<c>g[3]</c>, <c>i</c>).</summary>
    public SourceLine? ForPrior(string target)
    {
        var (name, index) = SplitMember(target);
        return _priors.FirstOrDefault(p => p.Target == name && (index is null || p.Members is null || p.Members.Value.Contains(index.Value))).Line;
    }

    /// <summary>The declared name an IR name belongs to.</summary>
    private static string Owner(string irName)
    {
        var name = irName;

        // shape(g[1]) and a(i): a parameter of the distribution of what is inside the parentheses.
        while (name.Length > 0 && char.IsAsciiLetter(name[0]) && name.EndsWith(')') && name.IndexOf('(', StringComparison.Ordinal) is > 0 and var open)
        {
            name = name[(open + 1)..^1];
        }

        // i.u and (i, f).u: a draw inside the distribution of i, or of the pair (i, f).
        if (name.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            name = name[..dot];
        }

        if (name.StartsWith('('))
        {
            name = name.TrimStart('(').Split(',')[0].Trim().TrimEnd(')');
        }

        return SplitMember(name).Name;
    }

    private static (string Name, int? Index) SplitMember(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return (name, null);
        }

        var index = int.TryParse(name[(open + 1)..].TrimEnd(']'), out var i) ? i : (int?)null;
        return (name[..open], index);
    }

    private static SourceLine Quote(SourceText source, TextSpan span)
    {
        var text = source.ToString(span).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var first = string.Join(' ', lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (lines.Length > 1)
        {
            first += " ...";
        }

        return new SourceLine(Path.GetFileName(source.Path), source.GetLinePosition(span.Start).Line, first);
    }
}
