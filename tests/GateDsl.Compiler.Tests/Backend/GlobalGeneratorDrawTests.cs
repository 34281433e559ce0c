using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>A layer without a Seed keys its draws from libtorch's global generator (runs alone: <see cref="GlobalGeneratorCollection"/>).</summary>
[Collection(GlobalGeneratorCollection.Name)]
public sealed class GlobalGeneratorDrawTests
{
    [Fact]
    public void Without_a_seed_the_fused_kernel_draws_as_torch_s_global_generator_says()
    {
        using var scope = torch.NewDisposeScope();
        var layer = StdlibCells.Spec.CreateLayer("BBetaLSTM5G", 3, 4, generator: new Generator(1));
        var input = torch.randn(5, 2, 3, generator: new Generator(2));
        torch.manual_seed(3);
        var first = layer.call(input, null, null).Output;
        var second = layer.call(input, null, null).Output;
        torch.manual_seed(3);
        var again = layer.call(input, null, null).Output;
        Assert.True(first.eq(again).all().item<bool>(), "the same global seed gave other draws");
        Assert.False(first.eq(second).all().item<bool>(), "two calls drew the same");
    }
}
