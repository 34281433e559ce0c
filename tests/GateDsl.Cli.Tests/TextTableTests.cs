using System.Text.RegularExpressions;
using GateDsl.Cli.Rendering;

namespace GateDsl.Cli.Tests;

/// <summary>Tables fitted to a width: text breaks only between words; too wide a table splits, repeating its key columns.</summary>
public sealed class TextTableTests
{
    private static TextTable Wide() =>
        new TextTable()
            .AddColumn("component").AddColumn("mean").AddColumn("reference mean").AddColumn("variance")
            .AddColumn("reference variance").AddColumn("KS statistic").AddColumn("KS p-value")
            .AddRow("x", "0.569956", "0.571429", "0.0546869", "0.0544218", "0.004438", "0.825")
            .AddRow("y", "0.66712", "0.666667", "0.0397194", "0.040404", "0.005891", "0.49");

    [Fact]
    public void Without_a_width_every_column_has_its_natural_width_and_nothing_wraps()
    {
        var text = Render(Wide(), null);

        Assert.Equal(6, Lines(text).Count); // top border, header, rule, two rows, bottom border
        Assert.Contains("│ reference variance │", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    public void At_a_width_every_line_fits_no_number_is_split_and_no_header_is_cut(int width)
    {
        var text = Render(Wide(), width);

        Assert.All(Lines(text), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        foreach (var number in new[] { "0.569956", "0.0546869", "0.0544218", "0.004438", "0.825", "0.040404" })
        {
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        // Each word of every header is there, whole (headers wrap between words only).
        foreach (var word in new[] { "component", "reference", "variance", "statistic", "p-value" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_table_too_wide_for_the_narrowest_layout_splits_and_repeats_the_key_column()
    {
        var layout = Wide().Layout(40);

        Assert.True(layout.Count > 1, $"{layout.Count} tables");
        Assert.All(layout, part => Assert.Equal(0, part[0].Column));
        Assert.Equal(Enumerable.Range(1, 6), layout.SelectMany(part => part.Skip(1).Select(c => c.Column)));
        var text = Render(Wide(), 40);
        Assert.Equal(layout.Count, Regex.Count(text, "component"));
    }

    [Fact]
    public void Columns_of_one_group_stay_in_one_table()
    {
        var table = new TextTable().AddColumn("quantile");
        foreach (var c in new[] { "x1", "x2", "x3" })
        {
            table.AddColumn($"{c} sample", c).AddColumn($"{c} reference", c);
        }

        table.AddRow("50%", "0.123456", "0.123457", "0.223456", "0.223457", "0.323456", "0.323457");

        var layout = table.Layout(50);

        Assert.True(layout.Count > 1);
        Assert.All(layout, part =>
        {
            var values = part.Skip(1).Select(c => c.Column).ToList();
            Assert.True(values.Count % 2 == 0 && values.Chunk(2).All(pair => pair[0] % 2 == 1 && pair[1] == pair[0] + 1), string.Join(",", values));
        });
    }

    [Theory]
    [InlineData("as in training (no draws)", 10, "as in\ntraining\n(no draws)")]
    [InlineData("0.001 * KL(Gamma(shape(g[1]), 1) || Gamma(0.5, 1))", 20, "0.001 *\nKL(Gamma(shape(g[1]),\n1) || Gamma(0.5, 1))")]
    [InlineData("short", 10, "short")]
    public void Wrap_breaks_between_words_only(string text, int width, string expected) =>
        Assert.Equal(expected, TextTable.Wrap(text, width));

    private static string Render(TextTable table, int? width)
    {
        using var writer = new StringWriter();
        var context = new CliContext(writer, TextWriter.Null, useColor: false, width);
        context.Write(table);
        return writer.ToString();
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
}
