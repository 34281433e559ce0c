using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>The names in scope while one body (or one constant initializer) is bound.</summary>
internal sealed class BodyContext
{
    public BodyContext(FileScope file, BodyKind kind, string owner)
    {
        File = file;
        Kind = kind;
        Owner = owner;
    }

    public FileScope File { get; }

    public BodyKind Kind { get; }

    /// <summary>The cell or distribution being bound, for messages.</summary>
    public string Owner { get; }

    /// <summary>Parameters and the locals defined so far, by name.</summary>
    public Dictionary<string, Symbol> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Every name the body declares anywhere, with its first declaration, to tell "defined later" from "undefined".</summary>
    public Dictionary<string, TextSpan> Declared { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The index the next <c>linear</c> of a cell gets: heads are numbered in source order, and a
    /// family statement reserves its heads once per member (see <see cref="BoundLinear"/>).
    /// </summary>
    public long NextHead { get; set; }

    /// <summary>The source the body is written in.</summary>
    public SourceText Source => File.File.Tree.Source;
}
