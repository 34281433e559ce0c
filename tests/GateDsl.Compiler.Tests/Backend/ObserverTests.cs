using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>An observer sees every real step of every layer, and can keep the pre-activations to read their gradients.</summary>
public sealed class ObserverTests
{
    [Theory]
    [InlineData("LSTM")]
    [InlineData("BBetaLSTM5G")]
    public void An_observer_sees_every_step_and_reads_gradients_at_the_pre_activations(string name)
    {
        using var scope = torch.NewDisposeScope();
        var plain = StdlibCells.Spec.CreateLayer(name, 3, 4, layers: 2, generator: new Generator(1)).to(ScalarType.Float64);
        var observed = StdlibCells.Spec.CreateLayer(name, 3, 4, layers: 2).to(ScalarType.Float64);
        observed.LoadWeights(plain.Weights());
        plain.eval();
        observed.eval();
        var observer = new Recorder();
        observed.Observer = observer;

        var input = torch.randn([5, 2, 3], ScalarType.Float64, generator: new Generator(2));
        var mask = torch.arange(5, ScalarType.Int64).unsqueeze(1).lt(torch.tensor(new long[] { 5, 2 }).unsqueeze(0));
        var a = plain.call(input, mask, null);
        var b = observed.call(input, mask, null);
        Assert.True((a.Output - b.Output).abs().max().item<double>() < 1e-12, "an observer changed the outputs");

        Assert.Equal(2 * 5, observer.Steps.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(t => (0, (long)t)).Concat(Enumerable.Range(0, 5).Select(t => (1, (long)t))), observer.Steps.Select(s => (s.Layer, s.Step)));
        Assert.All(observer.Steps, s => Assert.Equal(s.Step < 2 ? 2 : 1, s.ValidRows));

        b.Output.sum().backward();
        var heads = StdlibCells.Spec.Cell(name).HeadCount;
        Assert.All(observer.PreActivations, z =>
        {
            Assert.NotNull(z.grad);
            Assert.Equal(new long[] { 2, heads * 4 }, z.grad!.shape);
        });
        Assert.Contains(observer.PreActivations, z => z.grad!.abs().sum().item<double>() > 0);
        foreach (var z in observer.PreActivations)
        {
            z.Dispose();
        }
    }

    private sealed class Recorder : IStepObserver
    {
        public List<(int Layer, long Step, long ValidRows)> Steps { get; } = new();

        public List<Tensor> PreActivations { get; } = new();

        public void Observe(int layer, long step, Tensor preActivations, StepResult gates, Tensor? valid)
        {
            Steps.Add((layer, step, valid is null ? preActivations.shape[0] : valid.sum().item<long>()));
            Assert.True(gates.InputGate.ge(0).logical_and(gates.InputGate.le(1)).all().item<bool>());
            preActivations.retain_grad();
            PreActivations.Add(preActivations.DetachFromDisposeScope());
        }
    }
}
