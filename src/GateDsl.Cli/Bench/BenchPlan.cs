using GateDsl.Compiler;
using GateDsl.Compiler.Backends.TorchSharp;

namespace GateDsl.Cli.Bench;

/// <summary>The workloads and the comparisons <c>gatec bench</c> makes (issue 7, item 9), with their targets.</summary>
internal static class BenchPlan
{
    public const string Lstm = "nn.LSTM";
    public const string ByHand = "5G cell by hand (TorchSharp + BivariateBeta5)";
    public const string FiveGamma = "BBetaLSTM5G (compiled)";

    public static IReadOnlyList<IWorkload> Workloads(CompiledSpec spec, BenchSize size) =>
    [
        new TorchLstmWorkload(size),
        new CompiledLayerWorkload(spec, "LSTM", ExecutionPath.FusedLstm, size, "LSTM (compiled, fused LSTM path)"),
        new CompiledLayerWorkload(spec, "LSTM", ExecutionPath.Generic, size, "LSTM (compiled, generic path)"),
        new CompiledLayerWorkload(spec, "LSTM", ExecutionPath.FusedKernel, size, "LSTM (compiled, fused kernel)"),
        new CompiledLayerWorkload(spec, "CIFG", ExecutionPath.Auto, size, "CIFG (compiled)"),
        new CompiledLayerWorkload(spec, "BBetaLSTM5G", ExecutionPath.Auto, size, FiveGamma),
        new CompiledLayerWorkload(spec, "BBetaLSTM5GPrior", ExecutionPath.Auto, size, "BBetaLSTM5GPrior (compiled)"),
        new HandWrittenFiveGammaWorkload(size, ByHand),
    ];

    public static IReadOnlyList<BenchRow> Rows(Dictionary<string, List<double>> times) =>
    [
        BenchRunner.Row(times, "LSTM (compiled, fused LSTM path)", Lstm, 1.1),
        BenchRunner.Row(times, "LSTM (compiled, generic path)", Lstm, 2.0),
        BenchRunner.Row(times, "LSTM (compiled, fused kernel)", Lstm, 2.0),
        BenchRunner.Row(times, "CIFG (compiled)", Lstm, 2.0),
        BenchRunner.Row(times, FiveGamma, ByHand, 1.05),
        BenchRunner.Row(times, FiveGamma, Lstm, 5.0),
        BenchRunner.Row(times, "BBetaLSTM5GPrior (compiled)", Lstm, null),
        BenchRunner.Row(times, ByHand, Lstm, null),
    ];

    /// <summary>Small batches (the thread setting matters most there): nn.LSTM and the compiled 5G cell.</summary>
    public static IReadOnlyList<IWorkload> SmallBatchWorkloads(CompiledSpec spec, BenchSize size) =>
    [
        new TorchLstmWorkload(size, $"{Lstm} B={size.Batch}"),
        new CompiledLayerWorkload(spec, "BBetaLSTM5G", ExecutionPath.Auto, size, $"{FiveGamma} B={size.Batch}"),
    ];

    public static BenchRow SmallBatchRow(Dictionary<string, List<double>> times, int batch) =>
        BenchRunner.Row(times, $"{FiveGamma} B={batch}", $"{Lstm} B={batch}", null);
}
