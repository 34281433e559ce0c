using GateDsl.Training.Runs;
using ScottPlot;

namespace GateDsl.Training.Plots;

/// <summary>
/// The comparison's plots, from the first completed run of each cell: compare-gates.png (input and
/// forget gate densities overlaid, the paper's sigmoid-versus-Beta figure) and compare-gradients.png
/// (mean |dLoss/dz| at the i and f pre-activations per epoch, the paper's gradient claim).
/// </summary>
public static class ComparePlots
{
    /// <summary>Gate densities of every cell.</summary>
    public const string Gates = "compare-gates.png";

    /// <summary>Gate gradients of every cell.</summary>
    public const string Gradients = "compare-gradients.png";

    /// <summary>Writes the plots the runs allow and returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, string task, IReadOnlyList<(string Cell, RunMetrics Metrics)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var written = new List<string>();
        var gates = runs.Where(r => r.Metrics.Gates is not null).Select(r => (r.Cell, r.Metrics.Gates!)).ToList();
        if (gates.Count > 0)
        {
            var path = Path.Combine(folder, Gates);
            GatePlot.Histograms(gates, task).SavePng(path, 1600, 600);
            written.Add(path);
        }

        var withGradients = runs.Where(r => r.Metrics.Epochs.Any(e => e.GateGradients.Count > 0)).ToList();
        if (withGradients.Count > 0)
        {
            // One colour per cell and a line pattern per gate (i solid, f dashed): with a colour per
            // line a default palette repeats after ten lines, and 7 cells x 2 gates made two cells
            // share colours.
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            for (var k = 0; k < withGradients.Count; k++)
            {
                var (cell, metrics) = withGradients[k];
                foreach (var (head, pattern) in new[] { ("i", LinePattern.Solid), ("f", LinePattern.Dashed) })
                {
                    var epochs = metrics.Epochs.Where(e => e.GateGradients.ContainsKey(head)).ToList();
                    if (epochs.Count > 0)
                    {
                        var line = RunPlots.Line(plot, epochs.Select(e => (double)e.Epoch).ToArray(), epochs.Select(e => e.GateGradients[head]), $"{cell} {head}");
                        line.Color = palette.GetColor(k);
                        line.LinePattern = pattern;
                    }
                }
            }

            plot.Title($"{task}: mean |dLoss/dz| at the input (i) and forget (f) gate pre-activations");
            plot.XLabel("epoch");
            plot.YLabel("mean absolute gradient");
            plot.ShowLegend();
            var path = Path.Combine(folder, Gradients);
            plot.SavePng(path, 1000, 600);
            written.Add(path);
        }

        return written;
    }
}
