using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The fused kernel computes what the generic path computes: with <see cref="KernelDrawSource"/> of the
/// layer's seed the generic path draws exactly what the kernel draws, so outputs, final states, KL
/// and every weight's gradient agree (float64: to 1e-9 relative), in training and in evaluation, on
/// padded batches, for every stdlib cell (two batches: the second on the saved-values buffer the
/// first one's backward gave back) and for generated ones.
/// </summary>
public sealed class FusedKernelTests
{
    public static TheoryData<string> Cells => new() { "LSTM", "CIFG", "G2LSTM", "BetaLSTM", "BBetaLSTM", "BBetaLSTM5G", "BBetaLSTM5GPrior", "KumaraswamyLSTM" };

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_fused_kernel_equals_the_generic_path_draw_for_draw(string name)
    {
        foreach (var training in new[] { true, false })
        {
            Compare(StdlibCells.Spec, name, training, batches: 2);
        }
    }

    [Fact]
    public void Every_stdlib_cell_but_the_LSTM_runs_on_the_fused_kernel_by_default()
    {
        foreach (var name in StdlibCells.Spec.CellNames)
        {
            using var layer = StdlibCells.Spec.CreateLayer(name, 3, 4);
            Assert.Equal(name == "LSTM" ? ExecutionPath.FusedLstm : ExecutionPath.FusedKernel, layer.Path);
        }
    }

    [Fact]
    public void A_batch_first_layer_with_a_mask_runs_on_the_fused_kernel_as_the_time_major_one()
    {
        // The batch-first mask reaches the kernel transposed; the kernel reads masks as contiguous memory.
        using var scope = torch.NewDisposeScope();
        var timeMajor = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", 3, 6, generator: new Generator(1)).to(ScalarType.Float64);
        var batchFirst = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", 3, 6, batchFirst: true, generator: new Generator(1)).to(ScalarType.Float64);
        (timeMajor.Seed, batchFirst.Seed) = (5, 5);
        var input = torch.randn([7, 3, 3], ScalarType.Float64, generator: new Generator(2));
        var mask = torch.arange(7, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(new long[] { 7, 2, 5 }).unsqueeze(0));
        var a = timeMajor.call(input, mask, null);
        var b = batchFirst.call(input.transpose(0, 1), mask.t(), null);
        Assert.Equal(ExecutionPath.FusedKernel, batchFirst.LastPath);
        Close(a.Output, b.Output.transpose(0, 1), "batch-first outputs");
    }

    [Fact]
    public void An_observer_or_a_caller_s_draw_source_sends_a_call_to_the_generic_path()
    {
        using var scope = torch.NewDisposeScope();
        var layer = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", 3, 4);
        var input = torch.randn(5, 2, 3);
        layer.call(input, null, null);
        Assert.Equal(ExecutionPath.FusedKernel, layer.LastPath);
        layer.Cells[0].CaptureGates = true;
        layer.call(input, null, null);
        Assert.Equal(ExecutionPath.Generic, layer.LastPath);
        layer.Cells[0].CaptureGates = false;
        layer.Draws = new TorchDrawSource(1);
        layer.call(input, null, null);
        Assert.Equal(ExecutionPath.Generic, layer.LastPath);
    }

    /// <summary>Generated valid cells whose training program the kernel runs (it leaves out Beta priors and law moments).</summary>
    private static FsCheck.Gen<string> KernelCells =>
        FsCheck.Fluent.Gen.Where(ValidCellGen.Spec, text =>
        {
            var spec = GateCompiler.CompileText(text, "generated.gate");
            return !spec.HasErrors && Backends.TorchSharp.Fused.KernelPlan.TryCreate(spec.Cell("G").Training, spec.Cell("G").HeadCount, out _) is not null;
        });

    [FsCheck.Xunit.Property(MaxTest = 25, Replay = "(20261130,5)")]
    public FsCheck.Property Generated_cells_on_the_fused_kernel_equal_the_generic_path() =>
        FsCheck.Fluent.Prop.ForAll(FsCheck.Fluent.Arb.From(KernelCells), text =>
        {
            var spec = GateCompiler.CompileText(text, "generated.gate");
            Compare(spec, "G", training: true, text);
            Compare(spec, "G", training: false, text);
        });

    internal static void Compare(CompiledSpec spec, string name, bool training, string? text = null, int hidden = 6, int batches = 1)
    {
        using var scope = torch.NewDisposeScope();
        var fused = spec.CreateLayer(name, 3, hidden, layers: 2, path: ExecutionPath.FusedKernel, generator: new Generator(11)).to(ScalarType.Float64);
        var generic = spec.CreateLayer(name, 3, hidden, layers: 2, path: ExecutionPath.Generic).to(ScalarType.Float64);
        generic.LoadWeights(fused.Weights());
        fused.Seed = 77;
        generic.Draws = new KernelDrawSource(77);
        fused.train(training);
        generic.train(training);
        var mask = torch.arange(9, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(new long[] { 9, 4, 7, 1 }).unsqueeze(0));
        for (var batchNumber = 1; batchNumber <= batches; batchNumber++)
        {
            // Later batches run on the saved-values buffer the first one's backward gave back.
            fused.zero_grad();
            generic.zero_grad();
            var input = torch.randn([9, 4, 3], ScalarType.Float64, generator: new Generator((ulong)(11 + batchNumber)));
            CompareBatch(fused, generic, input, mask, name, training, $"{text}{(batches > 1 ? $" (batch {batchNumber})" : string.Empty)}");
        }
    }

    private static void CompareBatch(GateLayer fused, GateLayer generic, Tensor input, Tensor mask, string name, bool training, string? text)
    {
        var a = fused.call(input, mask, null);
        var b = generic.call(input, mask, null);
        // Evaluation by a law's exact mean (Kumaraswamy) is not in the kernel: such a call runs the generic path.
        var kernelRuns = Backends.TorchSharp.Fused.KernelPlan.TryCreate(training ? fused.Ir.Training : fused.Ir.Evaluation, fused.Ir.HeadCount, out _) is not null;
        Assert.Equal(kernelRuns ? ExecutionPath.FusedKernel : ExecutionPath.Generic, fused.LastPath);
        Assert.True(kernelRuns || !training, $"{name}: the fused kernel cannot run the training program");
        Assert.Equal(ExecutionPath.Generic, generic.LastPath);
        var where = $"{name} ({(training ? "training" : "evaluation")}){(string.IsNullOrEmpty(text) ? string.Empty : "\n" + text)}";
        Close(a.Output, b.Output, $"{where}: outputs");
        Close(a.Final[1].C, b.Final[1].C, $"{where}: final c");
        Close(a.Kl, b.Kl, $"{where}: KL");

        (a.Output.square().sum() + a.Final[1].C.sum() + (0.5 * a.Kl)).backward();
        (b.Output.square().sum() + b.Final[1].C.sum() + (0.5 * b.Kl)).backward();
        var names = fused.named_parameters().Select(p => p.name).ToList();
        var ga = fused.parameters().Select(p => p.grad!).ToList();
        var gb = generic.parameters().Select(p => p.grad!).ToList();
        for (var k = 0; k < ga.Count; k++)
        {
            Close(ga[k], gb[k], $"{where}: gradient of {names[k]}");
        }
    }

    private static void Close(Tensor expected, Tensor actual, string what)
    {
        var scale = Math.Max(1.0, expected.abs().max().item<double>());
        var difference = (expected - actual).abs().max().item<double>();
        Assert.True(difference <= 1e-9 * scale, $"{what} differ by {difference:G3} (scale {scale:G3})");
    }
}
