using GateDsl.Distributions;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// The straightforward per-op TorchSharp cells a user would write: the input projection hoisted out
/// of the loop (one matrix product for all steps), then per step one mm with W_hh and the cell's
/// elementwise ops, each an autograd node.
/// </summary>
internal static class PerOpCells
{
    /// <summary>How the 5G cell draws its Gammas.</summary>
    public enum GammaSource
    {
        /// <summary>GateDsl.Distributions' BivariateBeta5 (log-space Gammas from _standard_gamma).</summary>
        Toolkit,

        /// <summary>Bare torch._standard_gamma and a plain ratio (PLATFORM.md's 859 ms loop).</summary>
        StandardGamma,

        /// <summary>GateDsl.Distributions.Kernels.KernelGamma in log space, the ratio as in the toolkit.</summary>
        Kernel,
    }

    public delegate (Tensor H, Tensor C, Tensor? Kl) Step(Tensor z, Tensor c, Sections? s, int t);

    /// <summary>Runs a cell over x [T, B, I]; returns outputs [T, B, H] and the summed KL (or null).</summary>
    public static (Tensor Output, Tensor? Kl) Run(Tensor x, CellWeights w, Step step, Sections? s = null, Tensor? mask = null, Tensor? h0 = null, Tensor? c0 = null, bool unbind = false)
        => RunWithState(x, w, step, s, mask, h0, c0, unbind) is var r ? (r.Output, r.Kl) : default;

    /// <summary>As <see cref="Run"/>, also returning the final state.</summary>
    /// <remarks>
    /// <paramref name="unbind"/> false takes step t's slice as xp[t] (a select: its backward writes the
    /// step's gradient into a zero-filled tensor of the whole [T, B, K*H] projection, every step);
    /// true splits the projection once with unbind (one backward node that stacks the T gradients).
    /// </remarks>
    public static (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunWithState(Tensor x, CellWeights w, Step step, Sections? s = null, Tensor? mask = null, Tensor? h0 = null, Tensor? c0 = null, bool unbind = false)
    {
        long steps = x.shape[0], batch = x.shape[1];
        var xp = s.T("mm (input projection)", () => w.Project(x));
        var slices = unbind ? s.T("unbind", () => xp.unbind(0)) : null;
        var wT = w.WHh.t();
        var h = h0 ?? torch.zeros([batch, w.Hidden], x.dtype);
        var c = c0 ?? torch.zeros([batch, w.Hidden], x.dtype);
        var outs = new List<Tensor>();
        Tensor? kl = null;
        for (int t = 0; t < steps; t++)
        {
            var z = s.T("mm (recurrent)", () => (slices is null ? xp[t] : slices[t]).addmm(h, wT));
            var (hn, cn, k) = step(z, c, s, t);
            if (mask is not null)
            {
                var m = mask[t].unsqueeze(-1);
                hn = s.T("mask", () => torch.where(m.gt(0), hn, h));
                cn = s.T("mask", () => torch.where(m.gt(0), cn, c));
                if (k is not null)
                {
                    k = s.T("mask", () => (k * mask[t]).sum());
                }
            }

            h = hn;
            c = cn;
            outs.Add(mask is null ? h : h * mask[t].unsqueeze(-1));
            if (k is not null)
            {
                kl = kl is null ? k : s.T("kl", () => kl + k);
            }
        }

        return (s.T("stack", () => torch.stack(outs)), h, c, kl);
    }

    public static (Tensor, Tensor, Tensor?) Lstm(Tensor z, Tensor c, Sections? s, int t)
    {
        var g = z.chunk(4, 1);
        var i = s.T("elementwise", () => torch.sigmoid(g[0]));
        var f = s.T("elementwise", () => torch.sigmoid(g[1]));
        var gg = s.T("elementwise", () => torch.tanh(g[2]));
        var o = s.T("elementwise", () => torch.sigmoid(g[3]));
        var cn = s.T("elementwise", () => f * c + i * gg);
        var h = s.T("elementwise", () => o * torch.tanh(cn));
        return (h, cn, null);
    }

    public static (Tensor, Tensor, Tensor?) Cifg(Tensor z, Tensor c, Sections? s, int t)
    {
        var g = z.chunk(3, 1);
        var i = s.T("elementwise", () => torch.sigmoid(g[0]));
        var o = s.T("elementwise", () => torch.sigmoid(g[1]));
        var gg = s.T("elementwise", () => torch.tanh(g[2]));
        var cn = s.T("elementwise", () => c + i * (gg - c));
        var h = s.T("elementwise", () => o * torch.tanh(cn));
        return (h, cn, null);
    }

    /// <summary>The 5G cell in training mode; with <paramref name="withKl"/> its Gamma(0.5, 1) prior KL summed.</summary>
    public static Step BBeta5G(GammaSource source, bool withKl, Generator generator, ulong seed)
    {
        return (z, c, s, t) =>
        {
            var g = z.chunk(7, 1);
            var alpha = new Tensor[5];
            for (int k = 0; k < 5; k++)
            {
                alpha[k] = s.T("elementwise (softplus)", () => torch.nn.functional.softplus(g[k]) + 1e-3);
            }

            Tensor i, f;
            switch (source)
            {
                case GammaSource.Toolkit:
                    (i, f) = s.T("gamma sample (toolkit BivariateBeta5)", () => new BivariateBeta5(alpha[0], alpha[1], alpha[2], alpha[3], alpha[4], validate: false).RSample(null, generator));
                    break;
                case GammaSource.StandardGamma:
                {
                    var d = alpha.Select(a => s.T("gamma sample (_standard_gamma)", () => torch._standard_gamma(a, generator))).ToArray();
                    i = s.T("elementwise (ratio)", () => (d[0] + d[2]) / (d[0] + d[2] + d[3] + d[4]));
                    f = s.T("elementwise (ratio)", () => (d[1] + d[3]) / (d[1] + d[3] + d[2] + d[4]));
                    break;
                }

                default:
                {
                    // Counters as the sequence function uses them (offset 0): 5 t B H + k B H + b H + j.
                    ulong units = (ulong)alpha[0].numel();
                    var l = alpha.Select((a, k) => s.T("gamma sample (kernel)", () => KernelGamma.RSample(a, seed, 5 * (ulong)t * units + (ulong)k * units, logSpace: true))).ToArray();
                    i = s.T("elementwise (ratio)", () => torch.sigmoid(torch.logaddexp(l[0], l[2]) - torch.logaddexp(l[3], l[4])));
                    f = s.T("elementwise (ratio)", () => torch.sigmoid(torch.logaddexp(l[1], l[3]) - torch.logaddexp(l[2], l[4])));
                    break;
                }
            }

            var o = s.T("elementwise", () => torch.sigmoid(g[5]));
            var gg = s.T("elementwise", () => torch.tanh(g[6]));
            var cn = s.T("elementwise", () => f * c + i * gg);
            var h = s.T("elementwise", () => o * torch.tanh(cn));
            Tensor? kl = null;
            if (withKl)
            {
                kl = s.T("kl", () =>
                {
                    Tensor? sum = null;
                    foreach (var a in alpha)
                    {
                        var term = ((a - 0.5) * torch.digamma(a) - torch.lgamma(a) + 0.57236494292470008707).sum(1);
                        sum = sum is null ? term : sum + term;
                    }

                    return sum!;
                });
            }

            return (h, cn, kl);
        };
    }
}
