using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The fused kernel keeps its saved-values buffer from one batch to the next (the buffer comes back
/// when a batch's backward has run). A second backward through an earlier graph (retain_graph) is
/// right while the layer has not run forward since; after a forward it would read overwritten values,
/// so it gives NaN gradients and the layer's next call says why.
/// </summary>
public sealed class SavedBufferTests
{
    [Fact]
    public void A_second_backward_before_the_next_forward_gives_the_same_gradients_again()
    {
        using var scope = torch.NewDisposeScope();
        var (layer, input) = Setup();
        var loss = layer.call(input, null, null).Output.square().sum();
        loss.backward(retain_graph: true);
        var first = layer.parameters().Select(p => p.grad!.clone()).ToList();
        loss.backward();
        var twice = layer.parameters().Select(p => p.grad!).ToList();
        for (var k = 0; k < first.Count; k++)
        {
            Assert.True(twice[k].allclose(2 * first[k], rtol: 1e-12, atol: 1e-300), $"parameter {k}: the second backward did not add the same gradient");
        }
    }

    [Fact]
    public void A_second_backward_after_another_forward_gives_NaN_and_the_next_call_says_why()
    {
        using var scope = torch.NewDisposeScope();
        var (layer, input) = Setup();
        var first = layer.call(input, null, null).Output.square().sum();
        first.backward(retain_graph: true);
        layer.call(input, null, null).Output.square().sum().backward(); // reuses the buffer
        layer.zero_grad();
        first.backward();
        Assert.True(layer.parameters().All(p => p.grad!.isnan().all().item<bool>()), "a backward on overwritten saved values gave numbers");
        var error = Assert.Throws<InvalidOperationException>(() => layer.call(input, null, null));
        Assert.Contains("retain_graph", error.Message);

        // Said once: the layer runs again.
        Assert.True(layer.call(input, null, null).Output.isfinite().all().item<bool>());
        Assert.Equal(ExecutionPath.FusedKernel, layer.LastPath);
    }

    [Fact]
    public void With_two_layers_the_next_call_says_it_once()
    {
        using var scope = torch.NewDisposeScope();
        var (layer, input) = Setup(layers: 2);
        var first = layer.call(input, null, null).Output.square().sum();
        first.backward(retain_graph: true);
        layer.call(input, null, null).Output.square().sum().backward();
        first.backward();
        Assert.Throws<InvalidOperationException>(() => layer.call(input, null, null));
        Assert.True(layer.call(input, null, null).Output.isfinite().all().item<bool>());
    }

    [Fact]
    public void A_buffer_replaced_by_another_shape_still_serves_the_old_graph()
    {
        using var scope = torch.NewDisposeScope();
        var (layer, input) = Setup();
        var loss = layer.call(input, null, null).Output.square().sum();
        loss.backward(retain_graph: true);
        var first = layer.parameters().Select(p => p.grad!.clone()).ToList();
        layer.call(input.narrow(0, 0, 5), null, null).Output.square().sum().backward(); // T = 5: a new buffer
        layer.zero_grad();
        loss.backward();
        var again = layer.parameters().Select(p => p.grad!).ToList();
        for (var k = 0; k < first.Count; k++)
        {
            Assert.True(again[k].allclose(first[k], rtol: 1e-12, atol: 1e-300), $"parameter {k}: the old graph's second backward changed");
        }
    }

    private static (GateLayer Layer, Tensor Input) Setup(int layers = 1)
    {
        var layer = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", 3, 6, layers: layers, generator: new Generator(1)).to(ScalarType.Float64);
        layer.Seed = 5;
        return (layer, torch.randn([7, 2, 3], ScalarType.Float64, generator: new Generator(2)));
    }
}
