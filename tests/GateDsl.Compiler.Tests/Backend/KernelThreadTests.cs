using GateDsl.Distributions.Kernels;
using TorchSharp;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The fused kernel splits a batch into parts of whole rows, one thread each, joined once per
/// sequence. With two threads and a batch large enough to split (4 rows of 128 units: two parts),
/// on a padded batch, it still equals the generic path draw for draw (outputs, states, KL, every
/// gradient; float64, 1e-9 relative), and leaves libtorch's thread count as it found it.
/// <see cref="KernelParallel.MaxThreads"/> and libtorch's threads are global to the process, so
/// these tests run alone (<see cref="KernelThreadTestsCollection"/>).
/// </summary>
[Collection(nameof(KernelThreadTests))]
public sealed class KernelThreadTests
{
    [Theory]
    [InlineData("BBetaLSTM5GPrior")]
    [InlineData("CIFG")]
    [InlineData("KumaraswamyLSTM")]
    public void Rows_split_over_two_threads_equal_the_generic_path(string name)
    {
        var threads = KernelParallel.MaxThreads;
        var torchThreads = torch.get_num_threads();
        KernelParallel.MaxThreads = 2;
        torch.set_num_threads(2);
        try
        {
            FusedKernelTests.Compare(StdlibCells.Spec, name, training: true, hidden: 128, batches: 2);

            // Each part runs its products on one libtorch thread; the caller's setting comes back.
            Assert.Equal(2, torch.get_num_threads());
        }
        finally
        {
            KernelParallel.MaxThreads = threads;
            torch.set_num_threads(torchThreads);
        }
    }
}

/// <summary>Runs <see cref="KernelThreadTests"/> with no other test in parallel: they change the kernels' thread count.</summary>
[CollectionDefinition(nameof(KernelThreadTests), DisableParallelization = true)]
public sealed class KernelThreadTestsCollection
{
}
