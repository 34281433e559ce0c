using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GateDsl.Validation;

/// <summary>
/// The JSON form of a <see cref="SampleReport"/> (what <c>gatec sample --json</c> prints):
/// <code>
/// {"distribution": "BivariateBeta", "parameters": {"a": 2, "b": 3, "c": 1.5}, "n": 200000, "seed": 7,
///  "components": [{"name": "x", "mean", "variance", "referenceMean", "referenceVariance",
///                  "quantiles": {"0.01": ..}, "referenceQuantiles": {..},
///                  "ks": {"statistic", "pValue", "falseFailureProbability", "passed"}}, ...],
///  "correlation": {"sample", "reference", "standardError", "bound", "falseFailureProbability", "withinBound"}}
/// </code>
/// <c>correlation</c> is null for univariate laws. Numbers are written with round-trip precision.
/// </summary>
public static class SampleReportJson
{
    /// <summary>Serializes the report (indented).</summary>
    public static string Write(SampleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("distribution", report.Entry.Name);
            w.WriteStartObject("parameters");
            for (var i = 0; i < report.Parameters.Count; i++)
            {
                w.WriteNumber(report.Entry.ParameterNames[i], report.Parameters[i]);
            }

            w.WriteEndObject();
            w.WriteNumber("n", report.N);
            w.WriteNumber("seed", report.Seed);
            w.WriteStartArray("components");
            foreach (var c in report.Components)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                Number(w, "mean", c.Mean);
                Number(w, "variance", c.Variance);
                Number(w, "referenceMean", c.ReferenceMean);
                Number(w, "referenceVariance", c.ReferenceVariance);
                Quantiles(w, "quantiles", c.QuantileLevels, c.Quantiles);
                Quantiles(w, "referenceQuantiles", c.QuantileLevels, c.ReferenceQuantiles);
                w.WriteStartObject("ks");
                Number(w, "statistic", c.Ks.Statistic);
                Number(w, "pValue", c.Ks.PValue ?? double.NaN);
                Number(w, "falseFailureProbability", c.Ks.FalseFailureProbability);
                w.WriteBoolean("passed", c.Ks.Passed);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (report.Correlation is { } r)
            {
                w.WriteStartObject("correlation");
                Number(w, "sample", r.Sample);
                Number(w, "reference", r.Reference);
                Number(w, "standardError", r.StandardError);
                Number(w, "bound", r.Bound);
                Number(w, "falseFailureProbability", r.Test.FalseFailureProbability);
                w.WriteBoolean("withinBound", r.Test.Passed);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("correlation");
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            // JSON has no NaN or infinity; null says "not available".
            w.WriteNull(name);
        }
    }

    private static void Quantiles(Utf8JsonWriter w, string name, IReadOnlyList<double> levels, IReadOnlyList<double> values)
    {
        w.WriteStartObject(name);
        for (var i = 0; i < levels.Count; i++)
        {
            Number(w, levels[i].ToString(CultureInfo.InvariantCulture), values[i]);
        }

        w.WriteEndObject();
    }
}
