using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A named top-level item (distribution, cell or file-level constant) and the file declaring it.</summary>
internal sealed class TopLevelDecl
{
    public TopLevelDecl(Identifier name, Item syntax, SourceFile file)
    {
        Name = name;
        Syntax = syntax;
        File = file;
    }

    public Identifier Name { get; }

    public Item Syntax { get; }

    public SourceFile File { get; }

    /// <summary>"distribution", "cell" or "constant", for messages.</summary>
    public string Kind => Syntax switch
    {
        DistributionDecl => "distribution",
        CellDecl => "cell",
        _ => "constant",
    };

    public string LocationSeenFrom(SourceText reportedIn) => BindingText.Location(File.Tree.Source, Name.Span, reportedIn);
}
