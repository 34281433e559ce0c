using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// Temporaries are disposed: repeating draw + backward inside a caller's DisposeScope leaves the
/// thread's count of live TorchSharp tensors unchanged, so memory stays flat over a long training run.
/// </summary>
public sealed class DisposalTests
{
    [Theory]
    [MemberData(nameof(Catalogue.Names), MemberType = typeof(Catalogue))]
    public void DrawAndBackwardLeaveNoLiveTensorsBehind(string name)
    {
        var entry = Catalogue.Get(name);
        var leaves = entry.Values.Select(v => Leaf(v)).ToArray();
        var d = entry.Create(leaves);
        using var g = Seeded(50);
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            entry.DrawLoss(d, [16], g).backward();
        }

        Step();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var k = 0; k < 20; k++)
        {
            Step();
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    /// <summary>
    /// Without any caller scope, the library's own scopes must dispose every temporary: only the
    /// returned draw (disposed here) may be created. The count is sensitive: one stray tensor moves it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Catalogue.Names), MemberType = typeof(Catalogue))]
    public void InternalTemporariesAreDisposedEvenWithoutACallerScope(string name)
    {
        var entry = Catalogue.Get(name);
        var d = entry.Create(entry.Values.Select(v => Leaf(v)).ToArray());
        using var g = Seeded(51);
        void Step()
        {
            foreach (var draw in entry.Draw(d, [16], g))
            {
                draw.Dispose();
            }
        }

        Step();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var k = 0; k < 10; k++)
        {
            Step();
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        using (var stray = torch.ones(1))
        {
            Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    [Fact]
    public void LogProbMomentsAndKlLeaveNoLiveTensorsBehind()
    {
        var p = new Beta(Const(2.0), Const(3.0));
        var q = new Beta(Const(0.5), Const(0.5));
        var j = new BivariateBeta(Const(2.0), Const(3.0), Const(1.5));
        var x = Const([0.2, 0.5, 0.9]);
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            p.LogProb(x);
            _ = p.Mean + p.Variance + p.Mode;
            p.Entropy();
            j.LogProb(x, x);
            KlDivergence.Compute(p, q);
        }

        Step();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var k = 0; k < 10; k++)
        {
            Step();
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
