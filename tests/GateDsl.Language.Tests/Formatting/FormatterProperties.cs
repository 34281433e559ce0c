using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;
using GateDsl.Language.Tests.Generators;

namespace GateDsl.Language.Tests.Formatting;

/// <summary>
/// The formatter's invariants over generated valid specs (random trees, random layout, comments in
/// random places). Fixed seeds keep every run the same; change Replay to explore other cases.
/// </summary>
public sealed class FormatterProperties
{
    private const int Cases = 400;
    private const string Seed = "20260415,9127";

    private static Arbitrary<GeneratedSpec> Specs => Arb.From(SpecGen.Spec);

    /// <summary>The generator's own check: its text parses without errors to the tree it was rendered from, with the comments it wrote.</summary>
    [Property(MaxTest = Cases, Replay = Seed)]
    public Property GeneratedSpecsParseToTheirTree() =>
        Prop.ForAll(Specs, spec =>
        {
            var tree = SyntaxTree.Parse(spec.Text, "generated.gate");
            Assert.Empty(tree.Diagnostics);
            Assert.Equal(SyntaxDumper.Dump(spec.Tree), SyntaxDumper.Dump(tree.Root));
            Assert.Equal(spec.Comments, tree.Comments.Select(c => c.Text));
        });

    [Property(MaxTest = Cases, Replay = Seed)]
    public Property FormatIsIdempotent() =>
        Prop.ForAll(Specs, spec =>
        {
            var once = GateFormatter.Format(SyntaxTree.Parse(spec.Text, "generated.gate"));
            var twice = GateFormatter.Format(SyntaxTree.Parse(once, "formatted.gate"));
            Assert.Equal(once, twice);
        });

    [Property(MaxTest = Cases, Replay = Seed)]
    public Property FormattedTextParsesWithoutErrorsToTheSameTree() =>
        Prop.ForAll(Specs, spec =>
        {
            var original = SyntaxTree.Parse(spec.Text, "generated.gate");
            var formatted = SyntaxTree.Parse(GateFormatter.Format(original), "formatted.gate");
            Assert.Empty(formatted.Diagnostics);
            Assert.Equal(SyntaxDumper.Dump(original.Root), SyntaxDumper.Dump(formatted.Root));
        });

    [Property(MaxTest = Cases, Replay = Seed)]
    public Property EveryCommentSurvivesInOrder() =>
        Prop.ForAll(Specs, spec =>
        {
            var original = SyntaxTree.Parse(spec.Text, "generated.gate");
            var formatted = SyntaxTree.Parse(GateFormatter.Format(original), "formatted.gate");
            Assert.Equal(CommentText.Of(original), CommentText.Of(formatted));
        });

    [Property(MaxTest = Cases, Replay = Seed)]
    public Property FormattedTextIsCanonicalText() =>
        Prop.ForAll(Specs, spec =>
        {
            var text = GateFormatter.Format(SyntaxTree.Parse(spec.Text, "generated.gate"));
            Assert.DoesNotContain('\r', text);
            Assert.True(text.Length == 0 || text.EndsWith('\n'), "a non-empty result ends with a newline");
            Assert.False(text.StartsWith('\n'), "no blank line at the start");
            Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n}", text, StringComparison.Ordinal);

            // Outside block comments every line is indented by nothing or by exactly two spaces.
            var formatted = SyntaxTree.Parse(text, "formatted.gate");
            var lineStart = 0;
            foreach (var line in text.Split('\n'))
            {
                var inComment = formatted.Comments.Any(c => c.IsBlock && c.Span.Start < lineStart && lineStart < c.Span.End);
                if (!inComment && line.Length > 0)
                {
                    var indent = line.Length - line.TrimStart(' ').Length;
                    Assert.True(indent is 0 or 2 && !char.IsWhiteSpace(line[indent]), $"badly indented line: '{line}'");
                }

                lineStart += line.Length + 1;
            }
        });
}
