namespace GateDsl.Training.Runs;

/// <summary>
/// libtorch's intra-op threads for training. The default is one: the recurrent models here are small,
/// and libtorch's own default (one busy-waiting OpenMP thread per core) made an MNIST epoch of the
/// nn.LSTM take 116 s instead of 12 s on the shared 2-core machine (docs/training.md). The
/// setting is process-wide; <c>--threads</c> changes it.
/// </summary>
public static class TorchThreads
{
    /// <summary>The thread count <c>gatec train</c> and <c>gatec compare</c> use unless told otherwise.</summary>
    public const int Default = 1;

    /// <summary>Sets libtorch's intra-op thread count for this process.</summary>
    public static void Use(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        TorchSharp.torch.set_num_threads(threads);
    }
}
