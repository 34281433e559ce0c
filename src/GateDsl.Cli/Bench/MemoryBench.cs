using System.Diagnostics;
using System.Runtime.InteropServices;
using GateDsl.Compiler;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Cli.Bench;

/// <summary>
/// Issue 7's memory measure: training steps (forward, backward, Adam) of the compiled BBetaLSTM5G at
/// B = 32, H = 128 (T = 20 steps of 88 inputs a batch); the process's resident memory after warm-up
/// and at the end, each read after a full collection and with glibc's freed memory returned to the OS
/// (malloc_trim), so the allocator's cache does not count as growth. Beside it, the .NET GC's
/// committed memory at both readings and the managed bytes allocated a step: a full collection does
/// not give back the regions that held garbage, and the GC lets as much garbage accumulate before its
/// first collection as its gen0 budget, which it sizes from the L3 cache (300 MiB reported on the
/// machine of docs/backend-performance.md section 7, so a budget of about 150 MB).
/// </summary>
internal static class MemoryBench
{
    /// <summary>Resident and GC-committed MB after <paramref name="warmup"/> steps and after <paramref name="steps"/>, and the managed kB allocated a step between the two.</summary>
    public static MemoryReport Run(CompiledSpec spec, int steps, int warmup)
    {
        using var layer = spec.CreateLayer("BBetaLSTM5G", 88, 128, generator: new Generator(4));
        using var readout = nn.Linear(128, 88);
        var optimizer = optim.Adam(layer.parameters().Concat(readout.parameters()), 2e-3);
        using var input = torch.randn([20, 32, 88], generator: new Generator(5));
        (double Resident, double Committed) afterWarmup = default;
        long allocatedAtWarmup = 0;
        for (var step = 1; step <= steps; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var result = layer.call(input, null, null);
                (readout.call(result.Output).square().mean() + (1e-3 * result.Kl)).backward();
                optimizer.step();
            }

            if (step == warmup)
            {
                afterWarmup = Read();
                allocatedAtWarmup = GC.GetTotalAllocatedBytes(precise: true);
            }
        }

        var perStepKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedAtWarmup) / 1024.0 / Math.Max(1, steps - warmup);
        var atEnd = Read();
        return new MemoryReport(
            steps,
            warmup,
            Math.Round(afterWarmup.Resident, 1),
            Math.Round(atEnd.Resident, 1),
            Math.Round(atEnd.Resident - afterWarmup.Resident, 1),
            Math.Round(atEnd.Committed - afterWarmup.Committed, 1),
            Math.Round(perStepKb, 1));
    }

    /// <summary>Resident MB and the GC's committed MB, after a full collection and malloc_trim.</summary>
    private static (double Resident, double Committed) Read()
    {
        var resident = ResidentMb();
        return (resident, GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0));
    }

    private static double ResidentMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux())
        {
            try
            {
                malloc_trim(0);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc: read as is
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
