using GateDsl.Training.Runs;
using ScottPlot;

namespace GateDsl.Training.Plots;

/// <summary>
/// The PNG plots of one run, drawn from its metrics with ScottPlot: curves.png (loss and metric per
/// epoch, train and valid), gates.png (histograms of the first layer's input and forget gates on the
/// test part at the best checkpoint), gates-joint.png (their joint density and correlation) and
/// gate-gradients.png (mean |dLoss/dz| at each gate head's pre-activation per epoch; the
/// candidate's head is left out). Plots whose data the
/// core did not report are not written.
/// </summary>
public static class RunPlots
{
    /// <summary>Training curves.</summary>
    public const string Curves = "curves.png";

    /// <summary>Gate histograms.</summary>
    public const string Gates = "gates.png";

    /// <summary>Joint (i, f) density.</summary>
    public const string GatesJoint = "gates-joint.png";

    /// <summary>Gradients at the gate pre-activations.</summary>
    public const string GateGradients = "gate-gradients.png";

    /// <summary>Writes every plot the metrics allow into <paramref name="folder"/> and returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var written = new List<string>();
        var title = $"{metrics.Cell} on {metrics.Settings?.Task}";
        if (metrics.Epochs.Count > 0)
        {
            written.Add(Save(CurvesPlot(metrics, title), folder, Curves, 1600, 600));
        }

        if (metrics.Gates is { } gates)
        {
            written.Add(Save(GatePlot.Histograms([(metrics.Cell, gates)], title), folder, Gates, 1600, 600));
            written.Add(Save(GatePlot.Joint(gates, title), folder, GatesJoint, 800, 700));
        }

        if (metrics.Epochs.Any(e => e.GateGradients.Count > 0))
        {
            written.Add(Save(GradientPlot(metrics, title), folder, GateGradients, 900, 600));
        }

        return written;
    }

    private static string Save(Multiplot plot, string folder, string name, int width, int height)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, width, height);
        return path;
    }

    private static string Save(Plot plot, string folder, string name, int width, int height)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, width, height);
        return path;
    }

    private static Multiplot CurvesPlot(RunMetrics metrics, string title)
    {
        var epochs = metrics.Epochs.Select(e => (double)e.Epoch).ToArray();
        var loss = new Plot();
        Line(loss, epochs, metrics.Epochs.Select(e => e.Train.Loss), "train loss");
        Line(loss, epochs, metrics.Epochs.Select(e => e.Valid.Loss), "valid loss");
        loss.Title($"{title}: loss per item");
        loss.XLabel("epoch");
        loss.YLabel("loss");
        loss.ShowLegend();

        var metric = new Plot();
        var accuracy = metrics.Epochs[0].Valid.Accuracy is not null;
        Line(metric, epochs, metrics.Epochs.Select(e => accuracy ? e.Train.Accuracy ?? 0 : e.Train.DataLoss), $"train {metrics.Metric}");
        Line(metric, epochs, metrics.Epochs.Select(e => accuracy ? e.Valid.Accuracy ?? 0 : e.Valid.DataLoss), $"valid {metrics.Metric}");
        if (metrics.Test is { } test && metrics.BestEpoch is { } best)
        {
            var marker = metric.Add.Marker(best, accuracy ? test.Accuracy ?? 0 : test.DataLoss);
            marker.LegendText = $"test at best epoch {best}";
            marker.Size = 12;
        }

        metric.Title($"{title}: {metrics.Metric}");
        metric.XLabel("epoch");
        metric.YLabel(metrics.Metric);
        metric.ShowLegend();

        var multiplot = new Multiplot(loss);
        multiplot.AddPlot(metric);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return multiplot;
    }

    private static Plot GradientPlot(RunMetrics metrics, string title)
    {
        var plot = new Plot();
        // The candidate's head is not a gate and its gradient dwarfs theirs: the plot is about the gates.
        var heads = metrics.Epochs.SelectMany(e => e.GateGradients.Keys).Distinct(StringComparer.Ordinal).Where(h => h != "candidate").ToList();
        foreach (var head in heads)
        {
            var withHead = metrics.Epochs.Where(e => e.GateGradients.ContainsKey(head)).ToList();
            Line(plot, withHead.Select(e => (double)e.Epoch).ToArray(), withHead.Select(e => e.GateGradients[head]), $"head {head}");
        }

        plot.Title($"{title}: mean |dLoss/dz| at the gate pre-activations");
        plot.XLabel("epoch");
        plot.YLabel("mean absolute gradient");
        plot.ShowLegend();
        return plot;
    }

    internal static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, IEnumerable<double> ys, string label)
    {
        var scatter = plot.Add.Scatter(xs, ys.ToArray());
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        return scatter;
    }
}
