using BenchmarkDotNet.Running;

namespace GateDsl.Benchmarks;

/// <summary>
/// Entry point: every benchmark class in this assembly is selectable by the usual BenchmarkDotNet
/// switches, e.g. <c>dotnet run -c Release --project tests/GateDsl.Benchmarks -- --filter '*Sampler*' --job short</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
