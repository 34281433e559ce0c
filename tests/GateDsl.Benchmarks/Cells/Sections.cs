namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// Sections by op class, for the "where does the time go" runs, timed in CPU time of the calling
/// thread (<see cref="ThreadCpuClock"/>), so time spent waiting for a core on the loaded machine is not
/// counted; meaningful when libtorch and the kernels run on the calling thread (1 thread). CPU tensor
/// ops and the CPU autograd engine run synchronously on the caller, so the time around a call is the
/// op's time plus its .NET/native call overhead. A null instance times nothing. Units: nanoseconds.
/// </summary>
internal sealed class Sections
{
    private readonly Dictionary<string, (long Ticks, long Calls)> totals = new();

    public T Time<T>(string section, Func<T> op)
    {
        long start = ThreadCpuClock.Nanoseconds();
        var r = op();
        Add(section, ThreadCpuClock.Nanoseconds() - start);
        return r;
    }

    public void Add(string section, long ticks, long calls = 1)
    {
        totals.TryGetValue(section, out var v);
        totals[section] = (v.Ticks + ticks, v.Calls + calls);
    }

    public IEnumerable<(string Section, double Ms, long Calls)> Report(int iterations) =>
        totals.OrderByDescending(kv => kv.Value.Ticks)
            .Select(kv => (kv.Key, kv.Value.Ticks / 1e6 / iterations, kv.Value.Calls / iterations));

    public void Clear() => totals.Clear();
}

/// <summary>Extension so that call sites read the same whether or not they are profiled.</summary>
internal static class SectionsExtensions
{
    public static T T<T>(this Sections? s, string section, Func<T> op) => s is null ? op() : s.Time(section, op);
}
