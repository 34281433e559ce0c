using System.Diagnostics;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// Stopwatch sections by op class, for the "where does the time go" runs. CPU tensor ops run
/// synchronously, so the time around a call is the op's time plus its .NET/native call overhead.
/// A null instance times nothing.
/// </summary>
internal sealed class Sections
{
    private readonly Dictionary<string, (long Ticks, long Calls)> totals = new();

    public T Time<T>(string section, Func<T> op)
    {
        long start = Stopwatch.GetTimestamp();
        var r = op();
        Add(section, Stopwatch.GetTimestamp() - start);
        return r;
    }

    public void Add(string section, long ticks, long calls = 1)
    {
        totals.TryGetValue(section, out var v);
        totals[section] = (v.Ticks + ticks, v.Calls + calls);
    }

    public IEnumerable<(string Section, double Ms, long Calls)> Report(int iterations) =>
        totals.OrderByDescending(kv => kv.Value.Ticks)
            .Select(kv => (kv.Key, kv.Value.Ticks * 1000.0 / Stopwatch.Frequency / iterations, kv.Value.Calls / iterations));

    public void Clear() => totals.Clear();
}

/// <summary>Extension so that call sites read the same whether or not they are profiled.</summary>
internal static class SectionsExtensions
{
    public static T T<T>(this Sections? s, string section, Func<T> op) => s is null ? op() : s.Time(section, op);
}
