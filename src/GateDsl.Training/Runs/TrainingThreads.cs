using GateDsl.Distributions.Kernels;

namespace GateDsl.Training.Runs;

/// <summary>
/// The threads a training process uses: libtorch's intra-op threads (matrix products, the fused LSTM)
/// and the fused CPU kernel's threads (<see cref="KernelParallel.MaxThreads"/>: every other cell's
/// step). Both settings are process-wide; results do not depend on either. The defaults and the
/// measurements behind them are in docs/training.md ("Threads").
/// </summary>
public static class TrainingThreads
{
    /// <summary>libtorch's intra-op threads unless <c>--threads</c> says otherwise.</summary>
    public const int DefaultTorch = 1;

    /// <summary>The fused kernel's threads unless <c>--kernel-threads</c> says otherwise.</summary>
    public const int DefaultKernel = 1;

    /// <summary>Sets libtorch's intra-op threads and the fused kernel's threads for this process.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1.</exception>
    public static void Use(int torch, int kernel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(torch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        TorchSharp.torch.set_num_threads(torch);
        KernelParallel.MaxThreads = kernel;
    }
}
