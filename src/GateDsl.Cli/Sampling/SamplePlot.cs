using GateDsl.Reference;
using GateDsl.Validation;
using ScottPlot;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// PNG plots of a <see cref="SampleReport"/> with ScottPlot: for a univariate law the histogram of the
/// draws (as a density) under the reference density curve; for a joint law three panels, a heatmap
/// of the draws' 2-D density (with the reference density's contour lines where a closed-form joint
/// density exists: Olkin-Liu) and each marginal's histogram over its reference Beta density. A law
/// without a reference (a user distribution, Bernoulli) gets the same panels without reference
/// curves or contours: the histogram of each component, and for joint laws the 2-D density of the
/// first two components.
/// </summary>
public static class SamplePlot
{
    private const int Bins = 60;

    /// <summary>
    /// What is wrong with <paramref name="path"/> as the PNG's path, for a usage error, or null when
    /// it can be written: it must not be empty, not name a folder, and its folder must exist (no
    /// folder is created). The message starts with <c>--plot</c>.
    /// </summary>
    public static string? PathProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--plot needs a file name, e.g. --plot sample.png (got an empty path)";
        }

        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            return $"--plot `{path}` is a folder; give a file name such as {Path.Combine(path, "sample.png")}";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--plot `{path}` is not a valid path";
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            return $"--plot `{path}`: the folder {folder} does not exist (gatec does not create folders)";
        }

        return null;
    }

    /// <summary>Writes the PNG to <paramref name="path"/>; its folder must exist (see <see cref="PathProblem"/>).</summary>
    public static void Write(SampleReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (report.Entry is not { } entry)
        {
            WriteWithoutReference(report, path);
            return;
        }

        if (!entry.IsJoint)
        {
            var plot = Histogram(report.Draws[0], entry.CreateReference(report.Parameters), $"{report.Distribution}, n = {report.N}, seed {report.Seed}", "x");
            plot.SavePng(path, 900, 600);
            return;
        }

        var joint = entry.CreateJointReference(report.Parameters);
        var multiplot = new Multiplot(Heatmap(report, joint));
        multiplot.AddPlot(Histogram(report.Draws[0], joint.MarginalX, "x ~ " + Describe(joint.MarginalX), "x"));
        multiplot.AddPlot(Histogram(report.Draws[1], joint.MarginalY, "y ~ " + Describe(joint.MarginalY), "y"));
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        multiplot.SavePng(path, 1800, 600);
    }

    private static void WriteWithoutReference(SampleReport report, string path)
    {
        var title = $"{report.Distribution}, n = {report.N}, seed {report.Seed} (no reference)";
        if (report.Components.Count == 1)
        {
            Histogram(report.Draws[0], null, title, "x").SavePng(path, 900, 600);
            return;
        }

        var multiplot = new Multiplot(Heatmap(report, null));
        for (var c = 0; c < report.Components.Count; c++)
        {
            var name = report.Components[c].Name;
            multiplot.AddPlot(Histogram(report.Draws[c], null, $"{name}: sample density (no reference)", name));
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        multiplot.SavePng(path, 600 * (report.Components.Count + 1), 600);
    }

    private static Plot Histogram(double[] draws, IReferenceDistribution? reference, string title, string label)
    {
        var plot = new Plot();
        var (lo, hi) = reference is null ? SampleRange(draws) : (reference.Quantile(0.005), reference.Quantile(0.995));
        if (!(hi > lo))
        {
            (lo, hi) = (draws.Min(), draws.Max());
        }

        if (!(hi > lo))
        {
            (lo, hi) = (lo - 0.5, hi + 0.5); // every draw the same value (a degenerate law)
        }

        var width = (hi - lo) / Bins;
        var counts = new int[Bins];
        foreach (var x in draws)
        {
            if (x >= lo && x < hi)
            {
                counts[Math.Min(Bins - 1, (int)((x - lo) / width))]++;
            }
        }

        var bars = counts.Select((c, i) => new Bar
        {
            Position = lo + (i + 0.5) * width,
            Value = c / (draws.Length * width),
            Size = width,
            FillColor = Colors.SteelBlue.WithAlpha(0.6),
            LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);

        plot.Title(title);
        plot.XLabel(label);
        plot.YLabel("density");
        var barTop = bars.Max(b => b.Value);
        if (reference is null)
        {
            plot.Axes.SetLimits(lo, hi, 0, Math.Max(barTop, 1e-12) * 1.05);
            return plot;
        }

        var xs = Enumerable.Range(0, 401).Select(i => lo + (hi - lo) * i / 400.0).ToArray();
        var ys = xs.Select(x => Finite(reference.Pdf(x))).ToArray();
        var curve = plot.Add.ScatterLine(xs, ys);
        curve.LineWidth = 2;
        curve.Color = Colors.Black;
        curve.LegendText = "reference density";
        plot.ShowLegend();

        // Keep the view on the reference curve: a histogram spike at a pole should not flatten it.
        var top = Math.Max(ys.Where(double.IsFinite).DefaultIfEmpty(1).Max(), barTop);
        var curveTop = Quantile(ys, 0.98);
        plot.Axes.SetLimits(lo, hi, 0, Math.Min(top, 3 * Math.Max(curveTop, 1e-12)) * 1.05);
        return plot;
    }

    /// <summary>The central 99% of the draws, or the unit square's side when every draw lies in it.</summary>
    private static (double Lo, double Hi) SampleRange(double[] draws)
    {
        if (draws.All(x => x >= 0 && x <= 1))
        {
            return (0, 1);
        }

        var q = Descriptive.Quantiles(draws, [0.005, 0.995]);
        return (q[0], q[1]);
    }

    private static Plot Heatmap(SampleReport report, IReferenceJoint2? joint)
    {
        const int k = 50;
        var density = new double[k, k];
        var xs = report.Draws[0];
        var ys = report.Draws[1];
        var (x0, x1) = joint is null ? SampleRange(xs) : (0, 1);
        var (y0, y1) = joint is null ? SampleRange(ys) : (0, 1);
        (x1, y1) = (x1 > x0 ? x1 : x0 + 1, y1 > y0 ? y1 : y0 + 1);
        var cell = (x1 - x0) * (y1 - y0) / (k * k);
        for (var i = 0; i < xs.Length; i++)
        {
            if (xs[i] < x0 || xs[i] > x1 || ys[i] < y0 || ys[i] > y1)
            {
                continue; // outside the central box of a law on the real line
            }

            var cx = Math.Clamp((int)((xs[i] - x0) / (x1 - x0) * k), 0, k - 1);
            var cy = Math.Clamp((int)((ys[i] - y0) / (y1 - y0) * k), 0, k - 1);
            density[k - 1 - cy, cx] += 1 / (cell * xs.Length); // row 0 is drawn at the top
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(density);
        heatmap.Extent = new CoordinateRect(x0, x1, y0, y1);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        var title = "sample density";
        if (joint is BivariateBetaReference olkinLiu)
        {
            const int m = 60;
            var grid = new Coordinates3d[m, m];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    var (x, y) = ((j + 0.5) / m, (i + 0.5) / m);
                    grid[i, j] = new Coordinates3d(x, y, Math.Max(-10, Finite(olkinLiu.LogPdf(x, y))));
                }
            }

            var contours = plot.Add.ContourLines(grid, 8);
            contours.LineColor = Colors.White;
            contours.LineWidth = 1.5f;
            contours.LabelStyle.IsVisible = false;
            title = "sample density, white: reference log-density contours";
        }

        else if (joint is null)
        {
            title = $"sample density of ({report.Components[0].Name}, {report.Components[1].Name}), no reference";
        }

        plot.Title($"{report.Name}({string.Join(", ", report.Parameters.Select(Format.Number))}), n = {report.N}\n{title}");
        plot.XLabel(report.Components[0].Name);
        plot.YLabel(report.Components[1].Name);
        plot.Axes.SetLimits(x0, x1, y0, y1);
        return plot;
    }

    private static string Describe(IReferenceDistribution d) => $"{d.Name}({string.Join(", ", d.Parameters.Select(Format.Number))})";

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static double Quantile(double[] values, double p)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 1 : sorted[(int)(p * (sorted.Length - 1))];
    }
}
