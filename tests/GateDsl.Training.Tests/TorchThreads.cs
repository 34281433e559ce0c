using System.Runtime.CompilerServices;

namespace GateDsl.Training.Tests;

/// <summary>
/// The tests' models are tiny: libtorch's default of two busy-waiting OpenMP threads only slows them
/// down on a shared machine (a 1-epoch run measured 80 s with two threads against 6 s with one, under
/// load), so the test process uses one intra-op thread. Results do not depend on it.
/// </summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void UseOneThread() => TorchSharp.torch.set_num_threads(1);
}
