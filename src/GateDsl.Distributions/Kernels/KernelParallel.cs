namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Splits [0, count) into fixed chunks and runs them on the .NET thread pool. Chunk boundaries do
/// not depend on the thread count, and every kernel here derives an element's random stream from its
/// index alone, so results are the same at any degree of parallelism.
/// </summary>
public static class KernelParallel
{
    /// <summary>Elements per chunk: large enough that scheduling (a few microseconds) stays small.</summary>
    public const int ChunkSize = 4096;

    /// <summary>
    /// Threads used by the kernels; defaults to the number of processors. 1 runs on the caller's thread.
    /// </summary>
    public static int MaxThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Runs <paramref name="body"/>(start, end) over chunks of [0, count).</summary>
    public static void For(long count, Action<long, long> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        long chunks = (count + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1 || MaxThreads <= 1)
        {
            for (long k = 0; k < chunks; k++)
            {
                body(k * ChunkSize, Math.Min(count, (k + 1) * ChunkSize));
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxThreads };
        Parallel.For(0L, chunks, options, k => body(k * ChunkSize, Math.Min(count, (k + 1) * ChunkSize)));
    }
}
