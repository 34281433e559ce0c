using BenchmarkDotNet.Running;
using GateDsl.Benchmarks.Cells;

namespace GateDsl.Benchmarks;

/// <summary>
/// Entry point: every benchmark class in this assembly is selectable by the usual BenchmarkDotNet
/// switches, e.g. <c>dotnet run -c Release --project tests/GateDsl.Benchmarks -- --filter '*Sampler*' --job short</c>.
/// The first argument <c>cells</c>, <c>profile</c>, <c>gradcheck</c>, <c>gamma</c>, <c>gamma-ab</c> or <c>memory</c>
/// runs one of the recurrent-cell harnesses instead (docs/backend-performance.md).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "cells":
                return CellBenchmarkCommand.Run(args);
            case "gradcheck":
                return GradientCheckCommand.Run(args);
            case "gammagrad":
                return GammaGradientAccuracyCommand.Run(args);
            case "profile":
                return ProfileCommand.Run(args);
            case "memory":
                return MemoryCommand.Run(args);
            case "step":
                return StepKernelCommand.Run(args);
            case "gamma":
                return GammaKernelCommand.Run(args);
            case "gamma-ab":
                return GammaAbCommand.Run(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
