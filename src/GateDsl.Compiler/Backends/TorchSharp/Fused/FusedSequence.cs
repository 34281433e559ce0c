using System.Numerics;
using System.Runtime.InteropServices;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// A whole sequence of a compiled cell as ONE autograd node, as libtorch's fused RNN runs an LSTM:
/// the forward runs the T steps outside autograd (one addmm per step into a buffer, then the cell's
/// <see cref="KernelStep{T}"/> on the tensors' memory, split over threads), saving what the backward
/// needs; the backward runs time in reverse (the step's adjoint, then dh_{t-1} = dz_t W_hh) and forms
/// the recurrent weight's gradient as one matrix product over all steps.
/// </summary>
/// <remarks>
/// Inputs: xProjection [T, B, K*H] (x_t W_ih^T + b for every step, from one product outside, so its
/// gradient reaches W_ih and b through ordinary autograd), W_hh [K*H, H], h0 and c0 [B, H], and the
/// <see cref="FusedOptions"/>. Outputs: h at every step [T, B, H] (0 at padded steps), the final h
/// and c [B, H], and the KL of every step and row [T, B]. CPU, float32 or float64. Designed and
/// measured in tests/GateDsl.Benchmarks (docs/backend-performance.md).
/// </remarks>
internal sealed class FusedSequence : torch.autograd.MultiTensorFunction<FusedSequence>
{
    /// <inheritdoc/>
    public override string Name => "GateDslFusedSequence";

    /// <summary>Runs the sequence; see the class remarks for shapes.</summary>
    public static (Tensor Output, Tensor H, Tensor C, Tensor Kl) Run(Tensor xProjection, Tensor weightHh, Tensor h0, Tensor c0, FusedOptions options)
    {
        var r = apply(xProjection, weightHh, h0, c0, options);
        return (r[0], r[1], r[2], r[3]);
    }

    /// <inheritdoc/>
    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var xProjection = (Tensor)vars[0];
        var weightHh = (Tensor)vars[1];
        var options = (FusedOptions)vars[4];
        long steps = xProjection.shape[0], batch = xProjection.shape[1];
        var hidden = weightHh.shape[1];
        var single = xProjection.dtype == ScalarType.Float32;
        var width = single ? options.Single.SavedWidth : options.Double.SavedWidth;

        var gates = xProjection.contiguous().clone();
        var saved = torch.empty([steps, batch, width * hidden], xProjection.dtype);
        var hs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var cs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var kl = torch.zeros([steps, batch], ScalarType.Float64);
        hs[0].copy_((Tensor)vars[2]);
        cs[0].copy_((Tensor)vars[3]);
        using (var transposed = weightHh.t())
        {
            for (long t = 0; t < steps; t++)
            {
                using var g = gates[t];
                using var h = hs[t];
                g.addmm_(h, transposed);
                if (single)
                {
                    StepForward(options.Single, options, gates, saved, hs, cs, kl, t, batch, hidden);
                }
                else
                {
                    StepForward(options.Double, options, gates, saved, hs, cs, kl, t, batch, hidden);
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
        // The mask goes through save_for_backward: the caller's tensor may be disposed before the backward.
        ctx.save_for_backward(options.Mask is null ? [weightHh, saved, hs, cs] : [weightHh, saved, hs, cs, options.Mask]);
        ctx.save_data("options", options with { Mask = null });

        // TorchSharp would make zeros for an output nobody differentiates from a copy it creates in
        // the caller's dispose scope, which may be gone by the backward: take undefined gradients as
        // zeros here instead.
        ctx.set_materialize_grads(false);
        using (kl)
        {
            return [output, hT, cT, kl.to(xProjection.dtype)];
        }
    }

    /// <inheritdoc/>
    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grads)
    {
        var s = ctx.get_saved_variables();
        var (weightHh, saved, hs, cs) = (s[0], s[1], s[2], s[3]);
        var options = (FusedOptions)ctx.get_data("options") with { Mask = s.Count > 4 ? s[4] : null };
        long steps = saved.shape[0], batch = saved.shape[1], hidden = weightHh.shape[1];
        var rows = weightHh.shape[0];
        var dOut = Defined(grads[0])?.contiguous() ?? torch.zeros([steps, batch, hidden], saved.dtype);
        var dh = Defined(grads[1])?.contiguous().clone() ?? torch.zeros([batch, hidden], saved.dtype);
        var dc = Defined(grads[2])?.contiguous().clone() ?? torch.zeros([batch, hidden], saved.dtype);
        var dKl = Defined(grads[3])?.to(ScalarType.Float64).contiguous() ?? torch.zeros([steps, batch], ScalarType.Float64);
        var dPre = torch.empty([steps, batch, rows], saved.dtype);
        var dhCarry = torch.empty([batch, hidden], saved.dtype);
        for (var t = steps - 1; t >= 0; t--)
        {
            if (saved.dtype == ScalarType.Float32)
            {
                StepBackward(options.Single, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, t, batch, hidden);
            }
            else
            {
                StepBackward(options.Double, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, t, batch, hidden);
            }

            using var dz = dPre[t];
            dh.copy_(dhCarry.addmm_(dz, weightHh)); // dh_{t-1} = what padded rows carry + dz_t W_hh (addmm_ returns dhCarry itself)
        }

        using var dzAll = dPre.view(steps * batch, rows);
        using var hPrev = hs.narrow(0, 0, steps).reshape(steps * batch, hidden);
        using var dzT = dzAll.t();
        var dW = dzT.mm(hPrev);
        dhCarry.Dispose();
        dKl.Dispose();
        return [dPre, dW, dh, dc, null!];
    }

    private static Tensor? Defined(Tensor? gradient) => gradient is null || gradient.IsInvalid ? null : gradient;

    private static void StepForward<T>(KernelStep<T> step, FusedOptions options, Tensor gates, Tensor saved, Tensor hs, Tensor cs, Tensor kl, long t, long batch, long hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = (int)hidden;
        var k = (int)(gates.shape[2] / hidden);
        var w = step.SavedWidth;
        var mask = options.Mask;
        var rowKl = new double[batch];
        ForUnits(batch, hidden, (b, j0, j1) =>
        {
            var row = (t * batch) + b;
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
            var part = step.Forward(pre, cPrev, c, hNew, sv, h, j0, j1, new RowStreams(options.Key, t, batch, b));
            if (part != 0)
            {
                lock (rowKl)
                {
                    rowKl[b] += part;
                }
            }
        });
        var klSpan = Of<double>(kl).Slice((int)(t * batch), (int)batch);
        rowKl.CopyTo(klSpan);
    }

    private static void StepBackward<T>(KernelStep<T> step, FusedOptions options, Tensor saved, Tensor cs, Tensor dOut, Tensor dh, Tensor dc, Tensor dKl, Tensor dPre, Tensor dhCarry, long t, long batch, long hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = (int)hidden;
        var k = (int)(dPre.shape[2] / hidden);
        var w = step.SavedWidth;
        var mask = options.Mask;
        ForUnits(batch, hidden, (b, j0, j1) =>
        {
            var row = (t * batch) + b;
            var n = j1 - j0;
            var dhRow = Of<T>(dh).Slice((int)(b * h), h);
            var dOutRow = Of<T>(dOut).Slice((int)(row * h), h);
            var carry = Of<T>(dhCarry).Slice((int)(b * h), h);
            var dz = Of<T>(dPre).Slice((int)(row * k * h), k * h);
            var m = mask is null ? T.One : Of<T>(mask)[(int)row];
            if (m == T.Zero)
            {
                // Padding: h and c pass through unchanged and the output there is a constant 0.
                dhRow.Slice(j0, n).CopyTo(carry.Slice(j0, n));
                for (var kk = 0; kk < k; kk++)
                {
                    dz.Slice((kk * h) + j0, n).Clear();
                }

                return;
            }

            // dL/dh_t = what step t+1 sent back + what this step's output received.
            for (var j = j0; j < j1; j++)
            {
                dhRow[j] += m * dOutRow[j];
            }

            carry.Slice(j0, n).Clear();
            var cSpan = Of<T>(cs);
            var cPrev = cSpan.Slice((int)(row * h), h);
            var c = cSpan.Slice((int)((row + batch) * h), h);
            var sv = Of<T>(saved).Slice((int)(row * w * h), w * h);
            step.Backward(sv, cPrev, c, dhRow, Of<T>(dc).Slice((int)(b * h), h), Of<double>(dKl)[(int)row], dz, h, j0, j1);
        });
    }

    /// <summary>Splits the batch x hidden units into at most KernelParallel.MaxThreads contiguous runs of whole-row pieces.</summary>
    private static void ForUnits(long batch, long hidden, Action<int, int, int> body)
    {
        const int minUnits = 256;
        var total = batch * hidden;
        var chunks = (int)Math.Clamp(total / minUnits, 1, KernelParallel.MaxThreads);
        void Run(long start, long end)
        {
            while (start < end)
            {
                var b = start / hidden;
                var j0 = start % hidden;
                var j1 = Math.Min(hidden, j0 + (end - start));
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
