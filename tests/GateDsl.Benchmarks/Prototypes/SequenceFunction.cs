using System.Numerics;
using System.Runtime.InteropServices;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// A whole sequence of a recurrent cell as ONE autograd node (what libtorch's fused RNN does for the
/// LSTM): forward runs the T steps outside autograd (one addmm per step into a preallocated buffer,
/// then the cell's elementwise <see cref="ISequenceStep{T}"/> on the tensors' memory, split over
/// threads), saving what backward needs; backward runs time in reverse (elementwise adjoint, then
/// dh_{t-1} = dz_t W_hh) and forms the recurrent weight gradient as one GEMM over all steps.
/// </summary>
/// <remarks>
/// Inputs: xProjection [T, B, K*H] (W_ih x_t + b for all steps, computed by the caller with one matrix
/// product, so its gradient flows to W_ih and b through ordinary autograd), W_hh [K*H, H], h0 and c0
/// [B, H], and <see cref="SequenceOptions"/>. Outputs: h for every step [T, B, H] (0 at padded steps),
/// final h and c [B, H], KL per step and row [T, B] (zeros for cells without a prior).
/// CPU, contiguous, float32 or float64. Prototype: buffers are addressed as one span each, so a
/// buffer must stay under 2^31 bytes.
/// </remarks>
public sealed class SequenceFunction : torch.autograd.MultiTensorFunction<SequenceFunction>
{
    /// <inheritdoc/>
    public override string Name => "GateDslSequence";

    /// <summary>Runs the sequence; see the class remarks for shapes.</summary>
    public static (Tensor Output, Tensor H, Tensor C, Tensor Kl) Run(Tensor xProjection, Tensor wHh, Tensor h0, Tensor c0, SequenceOptions options)
    {
        var r = apply(xProjection, wHh, h0, c0, options);
        return (r[0], r[1], r[2], r[3]);
    }

    /// <inheritdoc/>
    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var xProjection = (Tensor)vars[0];
        var wHh = (Tensor)vars[1];
        var options = (SequenceOptions)vars[4];
        long steps = xProjection.shape[0], batch = xProjection.shape[1];
        long hidden = wHh.shape[1];
        var saveWidth = xProjection.dtype == ScalarType.Float32 ? options.Cell.Single.SavedWidth : options.Cell.Double.SavedWidth;

        var gates = xProjection.contiguous().clone();
        var saved = torch.empty([steps, batch, saveWidth * hidden], xProjection.dtype);
        var hs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var cs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var kl = torch.zeros([steps, batch], ScalarType.Float64);
        hs[0].copy_((Tensor)vars[2]);
        cs[0].copy_((Tensor)vars[3]);
        using (var wT = wHh.t())
        {
            for (long t = 0; t < steps; t++)
            {
                using var g = gates[t];
                using var h = hs[t];
                g.addmm_(h, wT);
                if (xProjection.dtype == ScalarType.Float32)
                {
                    StepForward(options.Cell.Single, options, gates, saved, hs, cs, kl, t, batch, hidden);
                }
                else
                {
                    StepForward(options.Cell.Double, options, gates, saved, hs, cs, kl, t, batch, hidden);
                }
            }
        }

        gates.Dispose();
        var output = hs.narrow(0, 1, steps).clone();
        if (options.Mask is not null)
        {
            using var m = options.Mask.unsqueeze(-1);
            output.mul_(m);
        }

        var hT = hs[steps].clone();
        var cT = cs[steps].clone();
        ctx.save_for_backward([wHh, saved, hs, cs]);
        ctx.save_data("options", options);
        return [output, hT, cT, kl.to(xProjection.dtype)];
    }

    /// <inheritdoc/>
    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grads)
    {
        var s = ctx.get_saved_variables();
        var (wHh, saved, hs, cs) = (s[0], s[1], s[2], s[3]);
        var options = (SequenceOptions)ctx.get_data("options");
        long steps = saved.shape[0], batch = saved.shape[1], hidden = wHh.shape[1];
        long kh = wHh.shape[0];
        var dOut = grads[0].contiguous();
        var dh = grads[1].contiguous().clone();
        var dc = grads[2].contiguous().clone();
        var dKl = grads[3].to(ScalarType.Float64).contiguous();
        var dPre = torch.empty([steps, batch, kh], saved.dtype);
        var dhCarry = torch.empty([batch, hidden], saved.dtype);
        for (long t = steps - 1; t >= 0; t--)
        {
            if (saved.dtype == ScalarType.Float32)
            {
                StepBackward(options.Cell.Single, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, t, batch, hidden);
            }
            else
            {
                StepBackward(options.Cell.Double, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, t, batch, hidden);
            }

            using var dz = dPre[t];
            // dh_{t-1} = carried part (padded rows) + dz_t W_hh.
            dh.copy_(dhCarry.addmm_(dz, wHh));
        }

        using var dzAll = dPre.view(steps * batch, kh);
        using var hPrev = hs.narrow(0, 0, steps).reshape(steps * batch, hidden);
        using var dzT = dzAll.t();
        var dW = dzT.mm(hPrev);
        return [dPre, dW, dh, dc, null!];
    }

    private static void StepForward<T>(ISequenceStep<T> step, SequenceOptions options, Tensor gates, Tensor saved, Tensor hs, Tensor cs, Tensor kl, long t, long batch, long hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = (int)hidden, k = step.Heads, w = step.SavedWidth;
        var mask = options.Mask;
        ulong stepBase = 5 * (options.CounterOffset + (ulong)(t * batch * hidden));
        var rowKl = new double[batch];
        ForUnits(batch, hidden, step.MinUnitsPerChunk, (b, j0, j1) =>
        {
            long row = t * batch + b;
            var hSpan = Of<T>(hs);
            var cSpan = Of<T>(cs);
            var cPrev = cSpan.Slice((int)(row * h), h);
            var c = cSpan.Slice((int)((row + batch) * h), h);
            var hPrev = hSpan.Slice((int)(row * h), h);
            var hNew = hSpan.Slice((int)((row + batch) * h), h);
            if (mask is not null && Of<T>(mask)[(int)row] == T.Zero)
            {
                cPrev.Slice(j0, j1 - j0).CopyTo(c.Slice(j0, j1 - j0));
                hPrev.Slice(j0, j1 - j0).CopyTo(hNew.Slice(j0, j1 - j0));
                return;
            }

            var pre = Of<T>(gates).Slice((int)(row * k * h), k * h);
            var sv = Of<T>(saved).Slice((int)(row * w * h), w * h);
            double part = step.Forward(pre, cPrev, c, hNew, sv, h, j0, j1, new StepRandom(options.Seed, stepBase + (ulong)(b * hidden), (ulong)(batch * hidden)));
            if (part != 0)
            {
                lock (rowKl)
                {
                    rowKl[b] += part;
                }
            }
        });
        var klSpan = Of<double>(kl).Slice((int)(t * batch), (int)batch);
        for (int b = 0; b < batch; b++)
        {
            klSpan[b] = rowKl[b];
        }
    }

    private static void StepBackward<T>(ISequenceStep<T> step, SequenceOptions options, Tensor saved, Tensor cs, Tensor dOut, Tensor dh, Tensor dc, Tensor dKl, Tensor dPre, Tensor dhCarry, long t, long batch, long hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = (int)hidden, k = step.Heads, w = step.SavedWidth;
        var mask = options.Mask;
        ForUnits(batch, hidden, step.MinUnitsPerChunk, (b, j0, j1) =>
        {
            long row = t * batch + b;
            int n = j1 - j0;
            var dhRow = Of<T>(dh).Slice((int)(b * h), h);
            var dOutRow = Of<T>(dOut).Slice((int)(row * h), h);
            var carry = Of<T>(dhCarry).Slice((int)(b * h), h);
            var dz = Of<T>(dPre).Slice((int)(row * k * h), k * h);
            T m = mask is null ? T.One : Of<T>(mask)[(int)row];
            if (m == T.Zero)
            {
                // Padding: h and c pass through unchanged, the output there is a constant 0.
                dhRow.Slice(j0, n).CopyTo(carry.Slice(j0, n));
                for (int kk = 0; kk < k; kk++)
                {
                    dz.Slice(kk * h + j0, n).Clear();
                }

                return;
            }

            // dL/dh_t = carried from step t+1 + from this step's output.
            Span<T> total = dhRow; // updated in place: dh is overwritten after this step anyway
            for (int j = j0; j < j1; j++)
            {
                total[j] += m * dOutRow[j];
            }

            carry.Slice(j0, n).Clear();
            var cSpan = Of<T>(cs);
            var cPrev = cSpan.Slice((int)(row * h), h);
            var c = cSpan.Slice((int)((row + batch) * h), h);
            var sv = Of<T>(saved).Slice((int)(row * w * h), w * h);
            double dk = Of<double>(dKl)[(int)row];
            step.Backward(sv, cPrev, c, total, Of<T>(dc).Slice((int)(b * h), h), dk, dz, h, j0, j1);
        });
    }

    /// <summary>Splits the batch x hidden units into at most KernelParallel.MaxThreads contiguous runs.</summary>
    private static void ForUnits(long batch, long hidden, int minUnits, Action<int, int, int> body)
    {
        long total = batch * hidden;
        int chunks = (int)Math.Clamp(total / minUnits, 1, KernelParallel.MaxThreads);
        void Run(long start, long end)
        {
            while (start < end)
            {
                long b = start / hidden;
                long j0 = start % hidden;
                long j1 = Math.Min(hidden, j0 + (end - start));
                body((int)b, (int)j0, (int)j1);
                start += j1 - j0;
            }
        }

        if (chunks == 1)
        {
            Run(0, total);
            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c => Run(total * c / chunks, total * (c + 1) / chunks));
    }

    private static Span<T> Of<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);
}
