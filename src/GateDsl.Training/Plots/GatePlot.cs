using GateDsl.Training.Runs;
using ScottPlot;

namespace GateDsl.Training.Plots;

/// <summary>Gate-value plots from <see cref="GateSummary"/> histograms (one run, or several cells overlaid).</summary>
public static class GatePlot
{
    /// <summary>Two panels, input gate and forget gate: each cell's density over [0, 1] as a step line.</summary>
    public static Multiplot Histograms(IReadOnlyList<(string Cell, GateSummary Gates)> cells, string title)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var input = Panel(cells, g => g.InputHistogram, $"{title}: input gate i", "i");
        var forget = Panel(cells, g => g.ForgetHistogram, $"{title}: forget gate f", "f");
        var multiplot = new Multiplot(input);
        multiplot.AddPlot(forget);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return multiplot;
    }

    /// <summary>The joint density of (i, f) as a heatmap, with the correlation in the title.</summary>
    public static Plot Joint(GateSummary gates, string title)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var k = gates.JointBins;
        var density = new double[k, k];
        var cell = 1.0 / (k * k);
        for (var i = 0; i < k; i++)
        {
            for (var f = 0; f < k; f++)
            {
                // Row 0 of a heatmap is drawn at the top, so f (the y axis) runs downwards in the array.
                density[k - 1 - f, i] = gates.Joint[i * k + f] / (cell * gates.Count);
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(density);
        heatmap.Extent = new CoordinateRect(0, 1, 0, 1);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        plot.Title($"{title}: joint density of (i, f), correlation {gates.Correlation:F3}, n = {gates.Count:N0}");
        plot.XLabel("input gate i");
        plot.YLabel("forget gate f");
        plot.Axes.SetLimits(0, 1, 0, 1);
        return plot;
    }

    private static Plot Panel(IReadOnlyList<(string Cell, GateSummary Gates)> cells, Func<GateSummary, long[]> histogram, string title, string label)
    {
        var plot = new Plot();
        foreach (var (cell, gates) in cells)
        {
            var counts = histogram(gates);
            var bins = counts.Length;
            var width = 1.0 / bins;
            var total = Math.Max(1, counts.Sum());
            var xs = new List<double>();
            var ys = new List<double>();
            for (var b = 0; b < bins; b++)
            {
                var value = counts[b] / (total * width);
                xs.Add(b * width);
                ys.Add(value);
                xs.Add((b + 1) * width);
                ys.Add(value);
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = cell;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel(label);
        plot.YLabel("density");
        plot.Axes.SetLimitsX(0, 1);
        plot.ShowLegend();
        return plot;
    }
}
