using System.Numerics;
using System.Runtime.InteropServices;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// A whole sequence of a compiled cell as ONE autograd node, as libtorch's fused RNN runs an LSTM:
/// the forward runs the T steps outside autograd (one addmm per step into a buffer, then the cell's
/// <see cref="KernelStep{T}"/> on the tensors' memory), saving what the backward needs; the backward
/// runs time in reverse (the step's adjoint, then dh_{t-1} = dz_t W_hh) and forms the recurrent
/// weight's gradient as one matrix product over all steps. Both split the batch into parts of whole
/// rows, one thread each, joined once per sequence (<c>ForRows</c>).
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

        // Read in place: each part of the rows adds the recurrent product to a copy of one step at a
        // time (a cache-sized buffer), not to a clone of the whole [T, B, K*H] projection.
        var projection = xProjection.is_contiguous() ? xProjection : xProjection.contiguous();
        long[] savedShape = [steps, batch, width * hidden];
        var lease = options.SavedBuffers?.Rent(savedShape, xProjection.dtype) ?? new SavedLease(torch.empty(savedShape, xProjection.dtype), null, 0);
        var saved = lease.Buffer;
        var hs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var cs = torch.empty([steps + 1, batch, hidden], xProjection.dtype);
        var kl = torch.zeros([steps, batch], ScalarType.Float64);
        hs[0].copy_((Tensor)vars[2]);
        cs[0].copy_((Tensor)vars[3]);
        // W_hh^T as its own contiguous copy (H x K*H, 1.8 MB at the bench's size), made once per
        // sequence: on the transposed view MKL took its copy-based path and packed W_hh again in every
        // step's small product (about a third of the recurrent products' time, measured); on a plain
        // matrix it runs its no-copy kernel.
        using (var view = weightHh.t())
        using (var transposed = view.contiguous())
        {
            ForRows(batch, hidden, (b0, b1) =>
            {
                if (single)
                {
                    ForwardRows(options.Single, options, projection, saved, hs, cs, kl, transposed, b0, b1);
                }
                else
                {
                    ForwardRows(options.Double, options, projection, saved, hs, cs, kl, transposed, b0, b1);
                }
            });
        }

        if (!ReferenceEquals(projection, xProjection))
        {
            projection.Dispose();
        }

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
        ctx.save_data("lease", lease);

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
        var lease = (SavedLease)ctx.get_data("lease");
        if (!lease.IsIntact())
        {
            // Overwritten saved values (see SavedBufferPool): NaN gradients, without reading them.
            return
            [
                torch.full([steps, batch, rows], double.NaN, saved.dtype),
                torch.full([rows, hidden], double.NaN, saved.dtype),
                torch.full([batch, hidden], double.NaN, saved.dtype),
                torch.full([batch, hidden], double.NaN, saved.dtype),
                null!,
            ];
        }

        var dOut = Defined(grads[0])?.contiguous() ?? torch.zeros([steps, batch, hidden], saved.dtype);
        var dh = Defined(grads[1])?.contiguous().clone() ?? torch.zeros([batch, hidden], saved.dtype);
        var dc = Defined(grads[2])?.contiguous().clone() ?? torch.zeros([batch, hidden], saved.dtype);
        var dKl = Defined(grads[3])?.to(ScalarType.Float64).contiguous() ?? torch.zeros([steps, batch], ScalarType.Float64);
        var dPre = torch.empty([steps, batch, rows], saved.dtype);
        var dhCarry = torch.empty([batch, hidden], saved.dtype);
        ForRows(batch, hidden, (b0, b1) =>
        {
            if (saved.dtype == ScalarType.Float32)
            {
                BackwardRows(options.Single, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, weightHh, b0, b1);
            }
            else
            {
                BackwardRows(options.Double, options, saved, cs, dOut, dh, dc, dKl, dPre, dhCarry, weightHh, b0, b1);
            }
        });

        using var dzAll = dPre.view(steps * batch, rows);
        using var hPrev = hs.narrow(0, 0, steps).reshape(steps * batch, hidden);
        using var dzT = dzAll.t();
        var dW = dzT.mm(hPrev);
        dhCarry.Dispose();
        dKl.Dispose();
        lease.Release();

        return [dPre, dW, dh, dc, null!];
    }

    private static Tensor? Defined(Tensor? gradient) => gradient is null || gradient.IsInvalid ? null : gradient;

    /// <summary>
    /// The forward of rows [b0, b1) through all steps: each step's recurrent product on the rows' slice,
    /// then the cell on each row. Rows never meet inside the recurrence (W_hh is only read), so parts of
    /// the batch run on different threads with no join until the sequence ends.
    /// </summary>
    private static void ForwardRows<T>(KernelStep<T> step, FusedOptions options, Tensor projection, Tensor saved, Tensor hs, Tensor cs, Tensor kl, Tensor transposedWeight, long b0, long b1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long steps = projection.shape[0], batch = projection.shape[1];
        var h = (int)hs.shape[2];
        var k = (int)(projection.shape[2] / h);
        var w = step.SavedWidth;
        var mask = options.Mask;

        // Worker threads start with autograd on; nothing here is differentiated (this is the node's forward).
        using var noGrad = torch.no_grad();
        using var projectionRows = projection.narrow(1, b0, b1 - b0);
        using var hRows = hs.narrow(1, b0, b1 - b0);
        using var gates = torch.empty([b1 - b0, k * h], projection.dtype);
        var hSpan = Of<T>(hs);
        var cSpan = Of<T>(cs);
        var gateSpan = Of<T>(gates);
        var savedSpan = Of<T>(saved);
        var klSpan = Of<double>(kl);
        var maskSpan = mask is null ? default : Of<T>(mask);
        for (long t = 0; t < steps; t++)
        {
            // select, not the indexer: the indexer allocates index objects on every call.
            using (var x = projectionRows.select(0, t))
            using (var hPrevRows = hRows.select(0, t))
            {
                gates.copy_(x);
                gates.addmm_(hPrevRows, transposedWeight);
            }

            for (var b = b0; b < b1; b++)
            {
                var row = (t * batch) + b;
                var cPrev = cSpan.Slice((int)(row * h), h);
                var c = cSpan.Slice((int)((row + batch) * h), h);
                var hPrev = hSpan.Slice((int)(row * h), h);
                var hNew = hSpan.Slice((int)((row + batch) * h), h);
                if (mask is not null && maskSpan[(int)row] == T.Zero)
                {
                    cPrev.CopyTo(c);
                    hPrev.CopyTo(hNew);
                    continue;
                }

                var pre = gateSpan.Slice((int)((b - b0) * k * h), k * h);
                var sv = savedSpan.Slice((int)(row * w * h), w * h);
                klSpan[(int)row] = step.Forward(pre, cPrev, c, hNew, sv, h, 0, h, new RowStreams(options.Key, t, batch, b));
            }
        }
    }

    /// <summary>The backward of rows [b0, b1) through all steps in reverse, ending each step with dh_{t-1} = carry + dz_t W_hh on the rows' slice.</summary>
    private static void BackwardRows<T>(KernelStep<T> step, FusedOptions options, Tensor saved, Tensor cs, Tensor dOut, Tensor dh, Tensor dc, Tensor dKl, Tensor dPre, Tensor dhCarry, Tensor weightHh, long b0, long b1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long steps = dPre.shape[0], batch = dPre.shape[1];
        var h = (int)weightHh.shape[1];
        var k = (int)(dPre.shape[2] / h);
        var w = step.SavedWidth;
        var mask = options.Mask;
        using var noGrad = torch.no_grad();
        using var dhRows = dh.narrow(0, b0, b1 - b0);
        using var carryRows = dhCarry.narrow(0, b0, b1 - b0);
        using var dzRows = dPre.narrow(1, b0, b1 - b0);
        var dhSpan = Of<T>(dh);
        var dOutSpan = Of<T>(dOut);
        var carrySpan = Of<T>(dhCarry);
        var dPreSpan = Of<T>(dPre);
        var cSpan = Of<T>(cs);
        var savedSpan = Of<T>(saved);
        var dcSpan = Of<T>(dc);
        var dKlSpan = Of<double>(dKl);
        var maskSpan = mask is null ? default : Of<T>(mask);
        for (var t = steps - 1; t >= 0; t--)
        {
            for (var b = b0; b < b1; b++)
            {
                var row = (t * batch) + b;
                var dhRow = dhSpan.Slice((int)(b * h), h);
                var dOutRow = dOutSpan.Slice((int)(row * h), h);
                var carry = carrySpan.Slice((int)(b * h), h);
                var dz = dPreSpan.Slice((int)(row * k * h), k * h);
                var m = mask is null ? T.One : maskSpan[(int)row];
                if (m == T.Zero)
                {
                    // Padding: h and c pass through unchanged and the output there is a constant 0.
                    dhRow.CopyTo(carry);
                    dz.Clear();
                    continue;
                }

                // dL/dh_t = what step t+1 sent back + what this step's output received.
                if (m == T.One)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(dhRow, dOutRow, dhRow);
                }
                else
                {
                    for (var j = 0; j < h; j++)
                    {
                        dhRow[j] += m * dOutRow[j];
                    }
                }

                carry.Clear();
                var cPrev = cSpan.Slice((int)(row * h), h);
                var c = cSpan.Slice((int)((row + batch) * h), h);
                var sv = savedSpan.Slice((int)(row * w * h), w * h);
                step.Backward(sv, cPrev, c, dhRow, dcSpan.Slice((int)(b * h), h), dKlSpan[(int)row], dz, h, 0, h);
            }

            using var dzStep = dzRows.select(0, t);
            dhRows.copy_(carryRows.addmm_(dzStep, weightHh)); // addmm_ returns carryRows itself
        }
    }

    /// <summary>
    /// Splits the batch into at most KernelParallel.MaxThreads contiguous parts of whole rows (no more
    /// parts than rows, and 256 units a part or more on average) and runs each part through the whole sequence:
    /// one join per sequence, and the same values at any thread count (a row's draws depend on its
    /// index alone, and each row's KL is summed by one thread).
    /// </summary>
    private static void ForRows(long batch, long hidden, Action<long, long> body)
    {
        const int minUnits = 256;
        var parts = (int)Math.Clamp(Math.Min(batch, batch * hidden / minUnits), 1, KernelParallel.MaxThreads);
        if (parts == 1)
        {
            body(0, batch);
            return;
        }

        // Each part's matrix products run on its own thread only: the parts are the parallelism, and a
        // libtorch product inside a part would otherwise start its own OpenMP team (parts x threads
        // on the cores). at::set_num_threads sets the calling thread's OpenMP and MKL counts (and the
        // default for threads not started yet), so the caller's is put back after the join.
        var callerThreads = torch.get_num_threads();
        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
            {
                // Each thread gets its own count back too: a pool thread may later run libtorch work of its own.
                var own = torch.get_num_threads();
                torch.set_num_threads(1);
                try
                {
                    body(batch * p / parts, batch * (p + 1) / parts);
                }
                finally
                {
                    torch.set_num_threads(own);
                }
            });
        }
        finally
        {
            torch.set_num_threads(callerThreads);
        }
    }

    private static Span<T> Of<T>(Tensor t)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(t.bytes);
}
