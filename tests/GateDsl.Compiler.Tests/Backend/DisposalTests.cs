using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// Every per-step temporary is disposed: after warm-up (Adam makes its state at the first step),
/// training iterations that dispose only what the layer returns leave the number of live managed
/// tensors (TorchSharp's Tensor.TotalCount) exactly where it was. A leak of even one tensor a step shows in every one of the 20 iterations counted. The
/// memory of 1,000 full-size steps is measured by `gatec bench`, not here. The count is global to the
/// process, so these tests run alone (<see cref="DisposalTestsCollection"/>).
/// </summary>
[Collection(nameof(DisposalTests))]
public sealed class DisposalTests
{
    [Theory]
    [InlineData("BBetaLSTM5GPrior", ExecutionPath.Generic, 8, 1)]
    [InlineData("G2LSTM", ExecutionPath.Generic, 8, 1)]
    [InlineData("KumaraswamyLSTM", ExecutionPath.Generic, 8, 1)]
    [InlineData("LSTM", ExecutionPath.FusedLstm, 8, 1)]
    [InlineData("BBetaLSTM5GPrior", ExecutionPath.FusedKernel, 8, 1)]
    [InlineData("BBetaLSTM5GPrior", ExecutionPath.FusedKernel, 128, 2)] // 4 rows x 128 units: two parts on two threads
    public void Training_iterations_leave_no_tensor_behind(string name, ExecutionPath path, int hidden, int kernelThreads)
    {
        var threads = KernelParallel.MaxThreads;
        KernelParallel.MaxThreads = kernelThreads;
        try
        {
            Assert.Empty(Leaks(name, path, hidden));
        }
        finally
        {
            KernelParallel.MaxThreads = threads;
        }
    }

    /// <summary>The tensors that each of 20 iterations after warm-up left alive (none, when nothing leaks).</summary>
    private static List<long> Leaks(string name, ExecutionPath path, int hidden)
    {
        var layer = StdlibCells.Spec.CreateLayer(name, 6, hidden, layers: 2, dropout: 0.1, dropoutKind: DropoutKind.Locked, path: path, generator: new Generator(1));
        var head = nn.Linear(hidden, 3);
        var optimizer = optim.Adam(layer.parameters().Concat(head.parameters()), 1e-3);
        var input = torch.randn([12, 4, 6], generator: new Generator(2));
        var mask = torch.arange(12, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(new long[] { 12, 5, 9, 12 }).unsqueeze(0));
        long Iterate()
        {
            // The layer runs outside any dispose scope of ours: whatever it does not dispose itself
            // stays alive. Only what it returns, and our own loss arithmetic, are ours to dispose.
            // The optimizer is left out of the count: TorchSharp wraps each parameter's .grad in a
            // new managed tensor whenever zero_grad or step reads it.
            optimizer.zero_grad();

            // Finalize earlier garbage first (the grad wrappers above), so that nothing but this
            // iteration moves the count inside the window.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = Tensor.TotalCount;
            var result = layer.call(input, mask, null);
            using (var scope = torch.NewDisposeScope())
            {
                scope.Attach(result.Output);
                scope.Attach(result.Kl);
                foreach (var (h, c) in result.Final)
                {
                    scope.Attach(h);
                    scope.Attach(c);
                }

                // Every output gets a gradient (0 for the final states): for an output without one,
                // TorchSharp hands a custom autograd function's backward a Tensor with a null handle,
                // which Tensor.TotalCount counts at creation and never discounts (disposing a null
                // handle does nothing), so the fused kernel's unused final states would read as leaks.
                var loss = head.call(result.Output).square().mean() + (1e-3 * result.Kl);
                foreach (var (h, c) in result.Final)
                {
                    loss = loss + (0.0 * (h.sum() + c.sum()));
                }

                loss.backward();
            }

            var growth = Tensor.TotalCount - before;
            optimizer.step();
            return growth;
        }

        for (var i = 0; i < 3; i++)
        {
            Iterate();
        }

        Assert.Equal(path, layer.LastPath);
        return Enumerable.Range(0, 20).Select(_ => Iterate()).Where(g => g != 0).ToList();
    }
}

/// <summary>Runs <see cref="DisposalTests"/> with no other test in parallel: they count every live tensor of the process.</summary>
[CollectionDefinition(nameof(DisposalTests), DisableParallelization = true)]
public sealed class DisposalTestsCollection
{
}
