using GateDsl.Cli.Sampling;
using GateDsl.Reference;
using GateDsl.Validation;
using ScottPlot.Plottables;

namespace GateDsl.Cli.Tests;

/// <summary><c>gatec sample --plot</c>: the file types it writes and what the plots show. These tests draw small samples (no statistical assertion).</summary>
public sealed class SamplePlotTests
{
    [Theory]
    [InlineData("Beta(2, 3)")]
    [InlineData("BivariateBeta(2, 3, 1.5)")]
    public void An_svg_path_gets_an_svg_file(string expression)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "plot.svg");

        var result = Gatec.Run("sample", expression, "-n", "2000", "--plot", path);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var svg = File.ReadAllText(path);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("<path", svg, StringComparison.Ordinal);
        Assert.Contains($"plot written to {path}", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The joint law's panel labels its colour bar, and its contour lines carry their log-density levels.</summary>
    [Fact]
    public void The_colour_bar_and_the_contours_are_labelled()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "plot.svg");

        var result = Gatec.Run("sample", "BivariateBeta(2, 3, 1.5)", "-n", "2000", "--plot", path);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var svg = File.ReadAllText(path);
        Assert.Matches(@">\s*density of the draws\s*</text>", svg);
        Assert.Contains("white: reference log density", svg, StringComparison.Ordinal);

        var report = SampleAnalysis.Sample("BivariateBeta", [2, 3, 1.5], 2000, 1);
        var heatmap = SamplePlot.Heatmap(report, report.Entry!.CreateJointReference(report.Parameters));
        var contours = Assert.Single(heatmap.GetPlottables().OfType<ContourLines>());
        Assert.True(contours.LabelStyle.IsVisible);
    }

    /// <summary>A bounded side of the support is plotted to its end, however little mass lies near it.</summary>
    [Fact]
    public void Histograms_cover_the_bounded_support()
    {
        var draws = new[] { 0.3, 0.4, 0.5, 0.6, 0.7 };
        Assert.Equal((0.0, 1.0), SamplePlot.HistogramRange(draws, new BetaReference(20, 20)));

        var (lo, hi) = SamplePlot.HistogramRange([1.0, 2.0, 3.0, 4.0], new GammaReference(50, 1));
        Assert.Equal(0.0, lo);
        Assert.True(hi >= new GammaReference(50, 1).Quantile(0.999), $"hi {hi}");
    }

    /// <summary>An unbounded side reaches the 99.9% quantile of the draws when they go further than the reference's.</summary>
    [Fact]
    public void An_unbounded_side_reaches_far_draws()
    {
        var draws = Enumerable.Range(0, 10_000).Select(i => i / 100.0).ToArray(); // 0 .. 99.99
        var (_, hi) = SamplePlot.HistogramRange(draws, new GammaReference(2, 1));

        Assert.True(hi >= 99.8, $"hi {hi}");
    }
}
