using System.Text.RegularExpressions;

namespace GateDsl.Cli.Tests;

/// <summary>
/// gatec at 80 columns (<c>COLUMNS=80 gatec ... | cat</c>) and through a pipe: tables fit, no
/// number or word is split or cut, and sentences are never broken when output is redirected. The
/// sample tests draw a small sample with a fixed seed (no statistical assertion).
/// </summary>
public sealed class TerminalWidthTests
{
    private static readonly string[] Describe = ["describe", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5GPrior", "--input-size", "88", "--hidden-size", "148"];

    private static readonly string[] Sample = ["sample", "BivariateBeta(2, 3, 1.5)", "-n", "5000", "--seed", "3"];

    [Theory]
    [InlineData("describe")]
    [InlineData("sample")]
    public void At_80_columns_every_table_line_fits(string command)
    {
        var result = Gatec.RunAt(80, Args(command));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var tableLines = TableLines(result.Stdout);
        Assert.NotEmpty(tableLines);
        Assert.All(tableLines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.DoesNotContain("…", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Fitting moves words to other lines but never splits or drops one: the words are those of the unfitted output.</summary>
    [Theory]
    [InlineData("describe")]
    [InlineData("sample")]
    public void At_80_columns_the_tables_hold_the_same_words_as_unfitted(string command)
    {
        var wide = Gatec.Run(Args(command));
        var narrow = Gatec.RunAt(80, Args(command));

        Assert.Equal(Words(TableLines(wide.Stdout)), Words(TableLines(narrow.Stdout)));
    }

    /// <summary>Redirected output has no width: each sentence and each table row is one line.</summary>
    [Fact]
    public void Redirected_sentences_are_one_line_each()
    {
        var result = Gatec.Run(Sample);

        var lines = Lf(result.Stdout).Split('\n');
        var correlation = Assert.Single(lines, l => l.StartsWith("correlation:", StringComparison.Ordinal));
        Assert.EndsWith("(delta method, false-failure probability 0.001)", correlation, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("│ reference variance │", StringComparison.Ordinal));
    }

    private static string[] Args(string command) => command == "describe" ? Describe : Sample;

    private static List<string> TableLines(string text) =>
        Lf(text).Split('\n').Where(l => l.Length > 0 && "╭│├╰".Contains(l[0], StringComparison.Ordinal)).ToList();

    private static List<string> Words(IEnumerable<string> lines) =>
        lines.SelectMany(l => Regex.Split(l, @"[\s│╭╮╰╯├┤┬┴┼─]+")).Where(w => w.Length > 0).Order(StringComparer.Ordinal).ToList();

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
