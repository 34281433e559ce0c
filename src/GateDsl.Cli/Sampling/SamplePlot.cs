using GateDsl.Reference;
using GateDsl.Validation;
using ScottPlot;
using SkiaSharp;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// PNG or SVG plots (by the path's extension) of a <see cref="SampleReport"/> with ScottPlot: for a
/// univariate law the histogram of the draws (as a density) under the reference density curve; for
/// a joint law three panels, a heatmap of the draws' 2-D density with a labelled colour bar (and
/// the reference log density's labelled contour lines where a closed-form joint density exists:
/// Olkin-Liu) and each marginal's histogram over its reference Beta density. A law without a
/// reference (a user distribution, Bernoulli) gets the same panels without reference curves or
/// contours. A histogram spans the whole support where it is bounded (the unit interval, the 0 of a
/// positive law) and the 0.1% to 99.9% quantiles on an unbounded side; its title says how many
/// draws, if any, lie beyond.
/// </summary>
public static class SamplePlot
{
    private const int Bins = 60;

    /// <summary>The file types <c>--plot</c> writes, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".svg"];

    /// <summary>Probability left out on an unbounded side of a histogram's range (tails would squeeze the bins).</summary>
    private const double TailMass = 1e-3;

    /// <summary>
    /// What is wrong with <paramref name="path"/> as the plot's path, for a usage error, or null when
    /// it can be written: it must not be empty, not name a folder, end in .png or .svg, and its
    /// folder must exist (no folder is created). The message starts with <c>--plot</c>.
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

        var extension = Path.GetExtension(path);
        if (!Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var got = extension.Length == 0 ? "no extension" : extension;
            return $"--plot writes {string.Join(" or ", Extensions)} files (got {got} in `{path}`), e.g. --plot sample.png";
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

    /// <summary>Writes the plot to <paramref name="path"/>, PNG or SVG by its extension; see <see cref="PathProblem"/>.</summary>
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
            Save(plot, path, 900, 600);
            return;
        }

        var joint = entry.CreateJointReference(report.Parameters);
        var multiplot = new Multiplot(Heatmap(report, joint));
        multiplot.AddPlot(Histogram(report.Draws[0], joint.MarginalX, "x ~ " + Describe(joint.MarginalX), "x"));
        multiplot.AddPlot(Histogram(report.Draws[1], joint.MarginalY, "y ~ " + Describe(joint.MarginalY), "y"));
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Save(multiplot, path, 1800, 600);
    }

    private static void WriteWithoutReference(SampleReport report, string path)
    {
        var title = $"{report.Distribution}, n = {report.N}, seed {report.Seed} (no reference)";
        if (report.Components.Count == 1)
        {
            Save(Histogram(report.Draws[0], null, title, "x"), path, 900, 600);
            return;
        }

        var multiplot = new Multiplot(Heatmap(report, null));
        for (var c = 0; c < report.Components.Count; c++)
        {
            var name = report.Components[c].Name;
            multiplot.AddPlot(Histogram(report.Draws[c], null, $"{name}: sample density (no reference)", name));
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Save(multiplot, path, 600 * (report.Components.Count + 1), 600);
    }

    private static bool IsSvg(string path) => string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase);

    private static void Save(Plot plot, string path, int width, int height)
    {
        if (IsSvg(path))
        {
            plot.SaveSvg(path, width, height);
        }
        else
        {
            plot.SavePng(path, width, height);
        }
    }

    private static void Save(Multiplot multiplot, string path, int width, int height)
    {
        if (!IsSvg(path))
        {
            multiplot.SavePng(path, width, height);
            return;
        }

        // ScottPlot saves a single plot as SVG but not a multiplot: render it on Skia's SVG canvas, as Plot.SaveSvg does.
        using var stream = File.Create(path);
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            multiplot.Render(canvas, new PixelRect(0, width, height, 0));
        }
    }

    private static Plot Histogram(double[] draws, IReferenceDistribution? reference, string title, string label)
    {
        var plot = new Plot();
        var (lo, hi) = HistogramRange(draws, reference);
        var width = (hi - lo) / Bins;
        var counts = new int[Bins];
        var beyond = 0;
        foreach (var x in draws)
        {
            if (x >= lo && x <= hi)
            {
                counts[Math.Min(Bins - 1, (int)((x - lo) / width))]++;
            }
            else
            {
                beyond++;
            }
        }

        if (beyond > 0)
        {
            title += $" ({beyond} of {draws.Length} draws beyond the plotted range)";
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

    /// <summary>
    /// The x range of a histogram: the support's ends where they are finite, otherwise the 0.1% or
    /// 99.9% quantile (of the reference and the draws, whichever reaches further). Without a reference
    /// the unit interval when every draw lies in it, else 0 when no draw is negative.
    /// </summary>
    internal static (double Lo, double Hi) HistogramRange(double[] draws, IReferenceDistribution? reference)
    {
        var sample = Descriptive.Quantiles(draws, [TailMass, 1 - TailMass]);
        double lo, hi;
        if (reference is null)
        {
            (lo, hi) = SampleRange(draws);
        }
        else
        {
            lo = double.IsFinite(reference.SupportLower) ? reference.SupportLower : Math.Min(reference.Quantile(TailMass), sample[0]);
            hi = double.IsFinite(reference.SupportUpper) ? reference.SupportUpper : Math.Max(reference.Quantile(1 - TailMass), sample[1]);
        }

        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            (lo, hi) = (draws.Min(), draws.Max());
        }

        return hi > lo ? (lo, hi) : (lo - 0.5, hi + 0.5); // every draw the same value (a degenerate law)
    }

    /// <summary>The unit interval when every draw lies in it; else from 0 (no negative draw) or the 0.1% quantile to the 99.9% quantile.</summary>
    private static (double Lo, double Hi) SampleRange(double[] draws)
    {
        if (draws.All(x => x >= 0 && x <= 1))
        {
            return (0, 1);
        }

        var q = Descriptive.Quantiles(draws, [TailMass, 1 - TailMass]);
        return (draws.All(x => x >= 0) ? 0 : q[0], q[1]);
    }

    internal static Plot Heatmap(SampleReport report, IReferenceJoint2? joint)
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
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "density of the draws";
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
            contours.LabelStyle.IsVisible = true;
            contours.LabelStyle.ForeColor = Colors.White;
            title = "colour: sample density; white: reference log density";
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
