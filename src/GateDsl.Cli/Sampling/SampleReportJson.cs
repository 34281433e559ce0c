using System.Globalization;
using System.Text;
using System.Text.Json;
using GateDsl.Validation;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// The JSON form of a <see cref="SampleReport"/> (what <c>gatec sample --json</c> prints):
/// <code>
/// {"distribution": "BivariateBeta", "parameters": {"a": 2, "b": 3, "c": 1.5}, "n": 200000, "seed": 7,
///  "reference": true, "noReferenceReason": null,
///  "components": [{"name": "x", "mean", "variance", "referenceMean", "referenceVariance",
///                  "quantiles": {"0.01": ..}, "referenceQuantiles": {..},
///                  "ks": {"statistic", "pValue", "falseFailureProbability", "passed"}}, ...],
///  "correlation": {"sample", "reference", "standardError", "bound", "falseFailureProbability", "withinBound"},
///  "correlations": [{"first": "x", "second": "y", "sample", "standardError"}]}
/// </code>
/// Without a reference (a user distribution from an import file, or Bernoulli) <c>reference</c> is
/// false, <c>noReferenceReason</c> says why, and every reference field is null:
/// <c>"referenceMean": null</c>, <c>"referenceVariance": null</c>, <c>"referenceQuantiles": null</c>,
/// <c>"ks": null</c>, and <c>"correlation": {"sample": x, "reference": null, "standardError": se,
/// "bound": null, "falseFailureProbability": null, "withinBound": null}</c>.
/// <c>correlation</c> describes the pair of a two-component joint law and is null for univariate laws
/// and for tuples of three or more components; <c>correlations</c> lists the sample correlation of
/// every pair of components (empty for univariate laws). Numbers are written with round-trip precision.
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
            w.WriteString("distribution", report.Name);
            w.WriteStartObject("parameters");
            for (var i = 0; i < report.Parameters.Count; i++)
            {
                w.WriteNumber(report.ParameterNames[i], report.Parameters[i]);
            }

            w.WriteEndObject();
            w.WriteNumber("n", report.N);
            w.WriteNumber("seed", report.Seed);
            w.WriteBoolean("reference", report.HasReference);
            if (report.NoReferenceReason is { } reason)
            {
                w.WriteString("noReferenceReason", reason);
            }
            else
            {
                w.WriteNull("noReferenceReason");
            }

            w.WriteStartArray("components");
            foreach (var c in report.Components)
            {
                Component(w, c);
            }

            w.WriteEndArray();
            Correlation(w, report);
            w.WriteStartArray("correlations");
            foreach (var pair in report.SampleCorrelations)
            {
                w.WriteStartObject();
                w.WriteString("first", pair.First);
                w.WriteString("second", pair.Second);
                Number(w, "sample", pair.Sample);
                Number(w, "standardError", pair.StandardError);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Component(Utf8JsonWriter w, ComponentReport c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        Number(w, "mean", c.Mean);
        Number(w, "variance", c.Variance);
        Number(w, "referenceMean", c.ReferenceMean);
        Number(w, "referenceVariance", c.ReferenceVariance);
        Quantiles(w, "quantiles", c.QuantileLevels, c.Quantiles);
        Quantiles(w, "referenceQuantiles", c.QuantileLevels, c.ReferenceQuantiles);
        if (c.Ks is { } ks)
        {
            w.WriteStartObject("ks");
            Number(w, "statistic", ks.Statistic);
            Number(w, "pValue", ks.PValue);
            Number(w, "falseFailureProbability", ks.FalseFailureProbability);
            w.WriteBoolean("passed", ks.Passed);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("ks");
        }

        w.WriteEndObject();
    }

    private static void Correlation(Utf8JsonWriter w, SampleReport report)
    {
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
        else if (report.Components.Count == 2 && report.SampleCorrelations.Count == 1)
        {
            var pair = report.SampleCorrelations[0];
            w.WriteStartObject("correlation");
            Number(w, "sample", pair.Sample);
            w.WriteNull("reference");
            Number(w, "standardError", pair.StandardError);
            w.WriteNull("bound");
            w.WriteNull("falseFailureProbability");
            w.WriteNull("withinBound");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("correlation");
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            // JSON has no NaN or infinity; null says "not available".
            w.WriteNull(name);
        }
    }

    private static void Quantiles(Utf8JsonWriter w, string name, IReadOnlyList<double> levels, IReadOnlyList<double>? values)
    {
        if (values is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        for (var i = 0; i < levels.Count; i++)
        {
            Number(w, levels[i].ToString(CultureInfo.InvariantCulture), values[i]);
        }

        w.WriteEndObject();
    }
}
