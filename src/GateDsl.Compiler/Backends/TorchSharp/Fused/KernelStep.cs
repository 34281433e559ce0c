using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using GateDsl.Distributions.Kernels;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// The elementwise part of one step of any <see cref="KernelPlan"/>, on the memory of the step's
/// tensors: the forward runs the plan's instructions over blocks of units (transcendental functions
/// in SIMD lanes), draws from counter-based streams, updates c and h and saves the slots the backward
/// reads (<see cref="KernelPlan.SavedSlots"/>); the backward runs the instructions in reverse
/// (reverse-mode differentiation) from dL/dh_t and dL/dc_t to dL/dz and dL/dc_{t-1}. Arithmetic is in
/// double whatever T is; only what is saved or returned is rounded to T. The Gamma draws and their
/// implicit gradient come from <see cref="StandardGammaKernel"/> (Marsaglia-Tsang, implicit reparameterization).
/// </summary>
/// <typeparam name="T">float or double: the tensors' element type.</typeparam>
internal sealed class KernelStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Block = 256;

    /// <summary>Scratch blocks of a forward or backward call besides the slots.</summary>
    private const int ScratchBlocks = 6;

    private static readonly double GammaTolerance = typeof(T) == typeof(float) ? 1e-8 : 1e-16;

    /// <summary>
    /// Below this a sum of draws in a ratio may have lost digits to underflow (in double, or in T where
    /// the backward reads the saved draws): the ratio is then taken from the draws' logarithms
    /// (log-sum-exp), above it from the draws themselves. float's smallest normal number is 1.2e-38.
    /// </summary>
    private static readonly double RatioFloor = typeof(T) == typeof(float) ? 1e-30 : 1e-280;
    private readonly KernelPlan _plan;

    /// <summary>Per head, how many instructions read it: the backward writes dL/dz of a head read once and clears and adds otherwise.</summary>
    private readonly int[] _headWriters;

    public KernelStep(KernelPlan plan)
    {
        _plan = plan;
        _headWriters = new int[plan.Heads];
        foreach (var op in plan.Ops.Where(o => o.Kind == KernelOpKind.Head))
        {
            _headWriters[op.Head]++;
        }
    }

    /// <summary>Blocks of H values saved per row for the backward.</summary>
    public int SavedWidth => _plan.SavedSlots.Length;

    /// <summary>Forward of units [j0, j1) of one row; returns the row's KL over those units.</summary>
    public double Forward(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, RowStreams streams)
    {
        var buffer = ArrayPool<double>.Shared.Rent((_plan.Slots + ScratchBlocks) * Block);
        try
        {
            double kl = 0;
            for (var b0 = j0; b0 < j1; b0 += Block)
            {
                kl += ForwardBlock(pre, cPrev, c, h, saved, hidden, b0, Math.Min(j1, b0 + Block), streams, buffer);
            }

            return kl;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Backward of units [j0, j1) of one row: <paramref name="dh"/> is dL/dh_t, <paramref name="dc"/>
    /// holds dL/dc_t on entry and dL/dc_{t-1} on return, <paramref name="dKl"/> is dL/dKL of the row;
    /// writes dL/dz into <paramref name="dPre"/> (K blocks of H).
    /// </summary>
    public void Backward(ReadOnlySpan<T> saved, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, double dKl, Span<T> dPre, int hidden, int j0, int j1)
    {
        var values = ArrayPool<double>.Shared.Rent((_plan.Slots + ScratchBlocks) * Block);
        var adjoints = ArrayPool<double>.Shared.Rent(_plan.Slots * Block);
        try
        {
            for (var b0 = j0; b0 < j1; b0 += Block)
            {
                BackwardBlock(saved, cPrev, c, dh, dc, dKl, dPre, hidden, b0, Math.Min(j1, b0 + Block), values, adjoints);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            ArrayPool<double>.Shared.Return(adjoints);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ForwardBlock(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, RowStreams streams, double[] buffer)
    {
        var n = j1 - j0;
        var v = buffer.AsSpan(0, _plan.Slots * Block);
        var scratch = buffer.AsSpan(_plan.Slots * Block, ScratchBlocks * Block);
        var sa = scratch.Slice(0, n);
        var sb = scratch.Slice(Block, n);
        foreach (var op in _plan.Ops)
        {
            var o = v.Slice(op.Out * Block, n);
            switch (op.Kind)
            {
                case KernelOpKind.Head:
                    TensorPrimitives.ConvertTruncating<T, double>(pre.Slice((op.Head * hidden) + j0, n), o);
                    break;
                case KernelOpKind.Link:
                    LinkForward(op.Function, Read(op.A, v, n, sa), o);
                    break;
                case KernelOpKind.Negate:
                    TensorPrimitives.Negate(Read(op.A, v, n, sa), o);
                    break;
                case KernelOpKind.Binary:
                    BinaryForward(op.Operator, op.A, op.B, v, n, sa, sb, o);
                    break;
                case KernelOpKind.Draw:
                    DrawForward(op, v, n, sa, sb, o, hidden, j0, streams);
                    break;
                case KernelOpKind.Ratio:
                    GammaRatioLanes.Forward(op, v, Block, n, RatioFloor, o, sa, sb);
                    break;
            }
        }

        // The cell update: c_t = f c_{t-1} + i g, h_t = o tanh(c_t).
        var gi = Read(_plan.Gates[0], v, n, scratch.Slice(0, n));
        var gf = Read(_plan.Gates[1], v, n, scratch.Slice(Block, n));
        var go = Read(_plan.Gates[2], v, n, scratch.Slice(2 * Block, n));
        var gg = Read(_plan.Gates[3], v, n, scratch.Slice(3 * Block, n));
        var cNew = scratch.Slice(4 * Block, n);
        var tanhC = scratch.Slice(5 * Block, n);
        var product = tanhC;
        TensorPrimitives.ConvertTruncating<T, double>(cPrev.Slice(j0, n), product);
        TensorPrimitives.Multiply(gf, product, cNew);
        TensorPrimitives.Multiply(gi, gg, product);
        TensorPrimitives.Add(cNew, product, cNew);
        TensorPrimitives.ConvertTruncating<double, T>(cNew, c.Slice(j0, n));
        TensorPrimitives.Tanh(cNew, tanhC);
        TensorPrimitives.Multiply(go, tanhC, tanhC);
        TensorPrimitives.ConvertTruncating<double, T>(tanhC, h.Slice(j0, n));

        var kl = KlForward(v, n, scratch);
        var slots = _plan.SavedSlots;
        for (var k = 0; k < slots.Length; k++)
        {
            TensorPrimitives.ConvertTruncating<double, T>(v.Slice(slots[k] * Block, n), saved.Slice((k * hidden) + j0, n));
        }

        return kl;
    }

    /// <summary>Sum over the block of each term's weighted KL; leaves dKL/dshape and dKL/drate in their slots.</summary>
    private double KlForward(Span<double> v, int n, Span<double> scratch)
    {
        double kl = 0;
        foreach (var term in _plan.Kl)
        {
            var a = Read(term.Shape, v, n, scratch.Slice(0, n));
            var psi = scratch.Slice(Block, n);
            var trigamma = scratch.Slice(2 * Block, n);
            var logGamma = scratch.Slice(3 * Block, n);
            VectorSpecialFunctions.DigammaTrigammaLogGamma(a, psi, trigamma, logGamma);
            var a0 = term.PriorShape;
            var b0 = term.PriorRate;
            var logGammaA0 = ScalarSpecialFunctions.LogGamma(a0);
            var dShape = v.Slice(term.ShapeGradient * Block, n);
            var w = term.Weight;

            // KL(Ga(a, b) || Ga(a0, b0)) = (a - a0) psi(a) - lgamma(a) + lgamma(a0) + a0 ln(b / b0) + a (b0 - b) / b.
            if (term.Rate.IsConstant)
            {
                // Per unit only what depends on the shape: (a - a0) psi(a) - lgamma(a) + a (b0 - b) / b.
                var b = term.Rate.Constant;
                var slope = (b0 - b) / b;
                double sum = 0;
                for (var jj = 0; jj < n; jj++)
                {
                    var x = a[jj];
                    sum += ((x - a0) * psi[jj]) - logGamma[jj] + (x * slope);
                    dShape[jj] = w * (((x - a0) * trigamma[jj]) + slope);
                }

                kl += w * (sum + (n * (logGammaA0 + (a0 * Math.Log(b / b0)))));
                continue;
            }

            var rate = v.Slice(term.Rate.Slot * Block, n);
            for (var jj = 0; jj < n; jj++)
            {
                var b = rate[jj];
                var x = a[jj];
                kl += w * (((x - a0) * psi[jj]) - logGamma[jj] + logGammaA0 + (a0 * Math.Log(b / b0)) + (x * (b0 - b) / b));
                dShape[jj] = w * (((x - a0) * trigamma[jj]) + ((b0 - b) / b));
                v[(term.RateGradient * Block) + jj] = w * ((a0 / b) - (x * b0 / (b * b)));
            }
        }

        return kl;
    }

    private static void DrawForward(KernelOp op, Span<double> v, int n, Span<double> sa, Span<double> sb, Span<double> o, int hidden, int j0, RowStreams streams)
    {
        var counter = streams.Counter(op.DrawId, hidden, j0);
        var key = streams.Key;
        switch (op.Law)
        {
            case PrimitiveKind.Gamma:
            {
                var shape = Read(op.A, v, n, sa);
                var log = v.Slice(op.Noise * Block, n);
                var derivative = v.Slice(op.Derivative * Block, n);

                // A shape that is not positive and finite (training diverged) would never be accepted
                // by the sampler: draw with shape 1 there and give NaN, which the loss then shows.
                var safe = sb;
                var bad = SafeShapes(shape, safe);

                StandardGammaKernel.SampleLog(safe, log, derivative, key, counter, GammaTolerance);
                if (bad)
                {
                    for (var jj = 0; jj < n; jj++)
                    {
                        if (!(shape[jj] > 0 && double.IsFinite(shape[jj])))
                        {
                            log[jj] = double.NaN;
                            derivative[jj] = 0;
                        }
                    }
                }

                // X = G / rate: ln X = ln G - ln rate.
                if (!op.B.IsConstant)
                {
                    var rate = v.Slice(op.B.Slot * Block, n);
                    for (var jj = 0; jj < n; jj++)
                    {
                        log[jj] -= Math.Log(rate[jj]);
                    }
                }
                else if (op.B.Constant != 1)
                {
                    TensorPrimitives.Subtract(log, Math.Log(op.B.Constant), log);
                }

                TensorPrimitives.Exp(log, o);
                break;
            }

            case PrimitiveKind.Uniform:
                for (var jj = 0; jj < n; jj++)
                {
                    var u = StreamLayout.Uniform(key, counter + (ulong)jj);
                    v[(op.Noise * Block) + jj] = u;
                    var low = At(op.A, v, jj);
                    o[jj] = low + ((At(op.B, v, jj) - low) * u);
                }

                break;
            case PrimitiveKind.Normal:
                for (var jj = 0; jj < n; jj++)
                {
                    var e = StreamLayout.Normal(key, counter + (ulong)jj);
                    v[(op.Noise * Block) + jj] = e;
                    o[jj] = At(op.A, v, jj) + (At(op.B, v, jj) * e);
                }

                break;
            case PrimitiveKind.Logistic:
                for (var jj = 0; jj < n; jj++)
                {
                    var u = StreamLayout.OpenUniform(key, counter + (ulong)jj);
                    var e = Math.Log(u / (1 - u));
                    v[(op.Noise * Block) + jj] = e;
                    o[jj] = At(op.A, v, jj) + (At(op.B, v, jj) * e);
                }

                break;
            default: // Bernoulli
                for (var jj = 0; jj < n; jj++)
                {
                    o[jj] = StreamLayout.Uniform(key, counter + (ulong)jj) < At(op.A, v, jj) ? 1.0 : 0.0;
                }

                break;
        }
    }

    /// <summary>safe = shape where it is positive and finite, else 1; true if any is not.</summary>
    private static bool SafeShapes(ReadOnlySpan<double> shape, Span<double> safe)
    {
        int lanes = Vector<double>.Count, jj = 0;
        var bad = false;
        for (; jj + lanes <= shape.Length; jj += lanes)
        {
            var x = new Vector<double>(shape.Slice(jj, lanes));
            var ok = Vector.GreaterThan(x, Vector<double>.Zero) & Vector.LessThan(x, new Vector<double>(double.PositiveInfinity));
            Vector.ConditionalSelect(ok, x, Vector<double>.One).CopyTo(safe.Slice(jj, lanes));
            bad |= ok != Vector<long>.AllBitsSet;
        }

        for (; jj < shape.Length; jj++)
        {
            var ok = shape[jj] > 0 && double.IsFinite(shape[jj]);
            safe[jj] = ok ? shape[jj] : 1.0;
            bad |= !ok;
        }

        return bad;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardBlock(ReadOnlySpan<T> saved, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, double dKl, Span<T> dPre, int hidden, int j0, int j1, double[] valueBuffer, double[] adjointBuffer)
    {
        var n = j1 - j0;
        var v = valueBuffer.AsSpan(0, _plan.Slots * Block);
        var scratch = valueBuffer.AsSpan(_plan.Slots * Block, ScratchBlocks * Block);
        var adj = adjointBuffer.AsSpan(0, _plan.Slots * Block);
        adj.Clear();
        var slots = _plan.SavedSlots;
        for (var k = 0; k < slots.Length; k++)
        {
            TensorPrimitives.ConvertTruncating<T, double>(saved.Slice((k * hidden) + j0, n), v.Slice(slots[k] * Block, n));
        }

        CellBackward(cPrev, c, dh, dc, v, adj, n, j0, scratch);
        foreach (var term in _plan.Kl)
        {
            // dL/dKL times dKL/dshape (and dKL/drate) into the shape's (and the rate's) adjoint.
            AddProduct(term.Shape, adj, v.Slice(term.ShapeGradient * Block, n), dKl, scratch.Slice(0, n));
            if (term.RateGradient >= 0)
            {
                AddProduct(term.Rate, adj, v.Slice(term.RateGradient * Block, n), dKl, scratch.Slice(0, n));
            }
        }

        // A head written by one instruction takes its adjoint as is (no clearing, no second pass).
        for (var k = 0; k < _plan.Heads; k++)
        {
            if (_headWriters[k] != 1)
            {
                dPre.Slice((k * hidden) + j0, n).Clear();
            }
        }

        for (var index = _plan.Ops.Length - 1; index >= 0; index--)
        {
            var op = _plan.Ops[index];
            var a = adj.Slice(op.Out * Block, n);
            var y = v.Slice(op.Out * Block, n);
            switch (op.Kind)
            {
                case KernelOpKind.Head:
                    HeadBackward(a, dPre.Slice((op.Head * hidden) + j0, n), _headWriters[op.Head] == 1);
                    break;
                case KernelOpKind.Link:
                    LinkBackward(op, a, y, v, adj, n, scratch.Slice(0, n));
                    break;
                case KernelOpKind.Negate:
                    if (!op.A.IsConstant)
                    {
                        var dx = adj.Slice(op.A.Slot * Block, n);
                        TensorPrimitives.Subtract(dx, a, dx);
                    }

                    break;
                case KernelOpKind.Binary:
                    BinaryBackward(op, a, y, v, adj, n, scratch.Slice(0, n));
                    break;
                case KernelOpKind.Draw:
                    DrawBackward(op, a, y, v, adj, n, scratch.Slice(0, n), scratch.Slice(Block, n));
                    break;
                case KernelOpKind.Ratio:
                    GammaRatioLanes.Backward(op, a, v, adj, Block, n, RatioFloor, scratch.Slice(0, n), scratch.Slice(Block, n));
                    break;
            }
        }
    }

    /// <summary>
    /// The cell update's adjoint (c_t = f c_{t-1} + i g, h_t = o tanh(c_t)) from dL/dh_t and dL/dc_t:
    /// adds to the gates' adjoints and leaves dL/dc_{t-1} in <paramref name="dc"/>. In lanes where no
    /// gate is a constant (every stdlib cell), else element by element; the same arithmetic in the same order.
    /// </summary>
    private void CellBackward(ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, Span<double> v, Span<double> adj, int n, int j0, Span<double> scratch)
    {
        var (gi, gf, go, gg) = (_plan.Gates[0], _plan.Gates[1], _plan.Gates[2], _plan.Gates[3]);
        var tanhC = scratch.Slice(0, n);
        TensorPrimitives.ConvertTruncating<T, double>(c.Slice(j0, n), tanhC);
        TensorPrimitives.Tanh(tanhC, tanhC);
        if (gi.IsConstant || gf.IsConstant || go.IsConstant || gg.IsConstant)
        {
            CellBackwardElements(cPrev, tanhC, dh, dc, v, adj, n, j0);
            return;
        }

        var dH = scratch.Slice(Block, n);
        var dcTotal = scratch.Slice(2 * Block, n);
        var previous = scratch.Slice(3 * Block, n);
        var u = scratch.Slice(4 * Block, n);
        var w = scratch.Slice(5 * Block, n);
        var iv = v.Slice(gi.Slot * Block, n);
        var fv = v.Slice(gf.Slot * Block, n);
        var ov = v.Slice(go.Slot * Block, n);
        var gv = v.Slice(gg.Slot * Block, n);
        TensorPrimitives.ConvertTruncating<T, double>(dh.Slice(j0, n), dH);
        TensorPrimitives.ConvertTruncating<T, double>(dc.Slice(j0, n), dcTotal);
        TensorPrimitives.ConvertTruncating<T, double>(cPrev.Slice(j0, n), previous);

        // dcTotal = dc + (dH o) (1 - t^2)
        TensorPrimitives.Multiply(dH, ov, u);
        TensorPrimitives.Multiply(tanhC, tanhC, w);
        TensorPrimitives.Subtract(1.0, w, w);
        TensorPrimitives.Multiply(u, w, u);
        TensorPrimitives.Add(dcTotal, u, dcTotal);
        AddProduct(adj.Slice(go.Slot * Block, n), dH, tanhC, u);
        AddProduct(adj.Slice(gi.Slot * Block, n), dcTotal, gv, u);
        AddProduct(adj.Slice(gg.Slot * Block, n), dcTotal, iv, u);
        AddProduct(adj.Slice(gf.Slot * Block, n), dcTotal, previous, u);
        TensorPrimitives.Multiply(dcTotal, fv, u);
        TensorPrimitives.ConvertTruncating<double, T>(u, dc.Slice(j0, n));
    }

    private void CellBackwardElements(ReadOnlySpan<T> cPrev, ReadOnlySpan<double> tanhC, ReadOnlySpan<T> dh, Span<T> dc, Span<double> v, Span<double> adj, int n, int j0)
    {
        var (gi, gf, go, gg) = (_plan.Gates[0], _plan.Gates[1], _plan.Gates[2], _plan.Gates[3]);
        for (var jj = 0; jj < n; jj++)
        {
            var j = j0 + jj;
            var t = tanhC[jj];
            var dH = double.CreateTruncating(dh[j]);
            var o = At(go, v, jj);
            var dcTotal = double.CreateTruncating(dc[j]) + (dH * o * (1 - (t * t)));
            Accumulate(adj, go, jj, dH * t);
            Accumulate(adj, gi, jj, dcTotal * At(gg, v, jj));
            Accumulate(adj, gg, jj, dcTotal * At(gi, v, jj));
            Accumulate(adj, gf, jj, dcTotal * double.CreateTruncating(cPrev[j]));
            dc[j] = T.CreateTruncating(dcTotal * At(gf, v, jj));
        }
    }

    /// <summary>dL/dz of a head: the adjoint rounded to T, written where one instruction reads the head, else added.</summary>
    private static void HeadBackward(ReadOnlySpan<double> a, Span<T> dHead, bool only)
    {
        if (only)
        {
            TensorPrimitives.ConvertTruncating<double, T>(a, dHead);
            return;
        }

        for (var jj = 0; jj < a.Length; jj++)
        {
            dHead[jj] += T.CreateTruncating(a[jj]);
        }
    }

    /// <summary>target += x y elementwise (the product rounded, then the sum: the element code's order); <paramref name="product"/> is scratch.</summary>
    private static void AddProduct(Span<double> target, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> product)
    {
        TensorPrimitives.Multiply(x, y, product);
        TensorPrimitives.Add(target, product, target);
    }

    /// <summary>The operand's adjoint += x y (nothing for a constant operand); <paramref name="product"/> is scratch.</summary>
    private static void AddProduct(KernelOperand operand, Span<double> adj, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> product)
    {
        if (!operand.IsConstant)
        {
            AddProduct(adj.Slice(operand.Slot * Block, x.Length), x, y, product);
        }
    }

    /// <summary>The operand's adjoint += x times a number (nothing for a constant operand); <paramref name="product"/> is scratch.</summary>
    private static void AddProduct(KernelOperand operand, Span<double> adj, ReadOnlySpan<double> x, double factor, Span<double> product)
    {
        if (!operand.IsConstant)
        {
            var target = adj.Slice(operand.Slot * Block, x.Length);
            TensorPrimitives.Multiply(x, factor, product);
            TensorPrimitives.Add(target, product, target);
        }
    }

    /// <summary>The operand's adjoint += x (nothing for a constant operand).</summary>
    private static void AddTo(KernelOperand operand, Span<double> adj, ReadOnlySpan<double> x)
    {
        if (!operand.IsConstant)
        {
            var target = adj.Slice(operand.Slot * Block, x.Length);
            TensorPrimitives.Add(target, x, target);
        }
    }

    /// <summary>The operand's adjoint -= x (nothing for a constant operand).</summary>
    private static void SubtractFrom(KernelOperand operand, Span<double> adj, ReadOnlySpan<double> x)
    {
        if (!operand.IsConstant)
        {
            var target = adj.Slice(operand.Slot * Block, x.Length);
            TensorPrimitives.Subtract(target, x, target);
        }
    }

    private static void LinkForward(BuiltinFunction function, ReadOnlySpan<double> x, Span<double> y)
    {
        switch (function)
        {
            case BuiltinFunction.Softplus:
                VectorLinks.Softplus(x, y);
                break;
            case BuiltinFunction.Exp:
                TensorPrimitives.Exp(x, y);
                break;
            case BuiltinFunction.Log:
                TensorPrimitives.Log(x, y);
                break;
            case BuiltinFunction.Sigmoid:
                VectorLinks.Sigmoid(x, y);
                break;
            default:
                TensorPrimitives.Tanh(x, y);
                break;
        }
    }

    private static void LinkBackward(KernelOp op, Span<double> a, Span<double> y, Span<double> v, Span<double> adj, int n, Span<double> scratch)
    {
        if (op.A.IsConstant)
        {
            return;
        }

        var dx = adj.Slice(op.A.Slot * Block, n);
        switch (op.Function)
        {
            case BuiltinFunction.Softplus:
                VectorLinks.SoftplusDerivative(v.Slice(op.A.Slot * Block, n), scratch);
                AddProduct(dx, a, scratch, scratch);
                break;
            case BuiltinFunction.Exp:
                AddProduct(dx, a, y, scratch);
                break;
            case BuiltinFunction.Log:
                TensorPrimitives.Divide(a, v.Slice(op.A.Slot * Block, n), scratch);
                TensorPrimitives.Add(dx, scratch, dx);
                break;
            case BuiltinFunction.Sigmoid:
                // (a y) (1 - y)
                TensorPrimitives.Multiply(a, y, scratch);
                for (var jj = 0; jj < n; jj++)
                {
                    dx[jj] += scratch[jj] * (1 - y[jj]);
                }

                break;
            default:
                // a (1 - y^2)
                TensorPrimitives.Multiply(y, y, scratch);
                TensorPrimitives.Subtract(1.0, scratch, scratch);
                AddProduct(dx, a, scratch, scratch);
                break;
        }
    }

    private static void BinaryForward(BinaryOperator op, KernelOperand left, KernelOperand right, Span<double> v, int n, Span<double> sa, Span<double> sb, Span<double> o)
    {
        var x = Read(left, v, n, sa);
        var z = Read(right, v, n, sb);
        switch (op)
        {
            case BinaryOperator.Add:
                TensorPrimitives.Add(x, z, o);
                break;
            case BinaryOperator.Subtract:
                TensorPrimitives.Subtract(x, z, o);
                break;
            case BinaryOperator.Multiply:
                TensorPrimitives.Multiply(x, z, o);
                break;
            case BinaryOperator.Divide:
                TensorPrimitives.Divide(x, z, o);
                break;
            default:
                for (var jj = 0; jj < n; jj++)
                {
                    o[jj] = Math.Pow(x[jj], z[jj]);
                }

                break;
        }
    }

    /// <summary>Each operator reads only what <see cref="KernelPlan.SavedSlots"/> keeps for it.</summary>
    private static void BinaryBackward(KernelOp op, Span<double> a, Span<double> y, Span<double> v, Span<double> adj, int n, Span<double> scratch)
    {
        switch (op.Operator)
        {
            case BinaryOperator.Add:
                AddTo(op.A, adj, a);
                AddTo(op.B, adj, a);
                break;
            case BinaryOperator.Subtract:
                AddTo(op.A, adj, a);
                SubtractFrom(op.B, adj, a);
                break;
            case BinaryOperator.Multiply:
                MultiplyBackward(op.A, op.B, a, v, adj, n, scratch);
                MultiplyBackward(op.B, op.A, a, v, adj, n, scratch);
                break;
            case BinaryOperator.Divide:
                for (var jj = 0; jj < n; jj++)
                {
                    var r = At(op.B, v, jj);
                    Accumulate(adj, op.A, jj, a[jj] / r);
                    Accumulate(adj, op.B, jj, -a[jj] * y[jj] / r);
                }

                break;
            default:
                for (var jj = 0; jj < n; jj++)
                {
                    var g = a[jj];
                    var l = At(op.A, v, jj);
                    var e = At(op.B, v, jj);
                    Accumulate(adj, op.A, jj, g * e * Math.Pow(l, e - 1));
                    if (!op.B.IsConstant)
                    {
                        Accumulate(adj, op.B, jj, g * y[jj] * Math.Log(l));
                    }
                }

                break;
        }
    }

    /// <summary>A factor's adjoint += the product's adjoint times the other factor.</summary>
    private static void MultiplyBackward(KernelOperand factor, KernelOperand other, ReadOnlySpan<double> a, Span<double> v, Span<double> adj, int n, Span<double> scratch)
    {
        if (other.IsConstant)
        {
            AddProduct(factor, adj, a, other.Constant, scratch);
        }
        else
        {
            AddProduct(factor, adj, a, v.Slice(other.Slot * Block, n), scratch);
        }
    }

    private static void DrawBackward(KernelOp op, Span<double> a, Span<double> y, Span<double> v, Span<double> adj, int n, Span<double> total, Span<double> scratch)
    {
        switch (op.Law)
        {
            case PrimitiveKind.Gamma:
                // X = exp(ln G - ln rate): d/d ln X gets the value's adjoint times X, plus what ratios sent to ln X.
                TensorPrimitives.Multiply(a, y, total);
                TensorPrimitives.Add(adj.Slice(op.Noise * Block, n), total, total);
                AddProduct(op.A, adj, total, v.Slice(op.Derivative * Block, n), scratch);
                if (!op.B.IsConstant)
                {
                    // -total / rate
                    TensorPrimitives.Divide(total, v.Slice(op.B.Slot * Block, n), scratch);
                    SubtractFrom(op.B, adj, scratch);
                }

                break;
            case PrimitiveKind.Uniform:
                var u = v.Slice(op.Noise * Block, n);
                TensorPrimitives.Subtract(1.0, u, total);
                AddProduct(op.A, adj, a, total, scratch);
                AddProduct(op.B, adj, a, u, scratch);
                break;
            case PrimitiveKind.Normal or PrimitiveKind.Logistic:
                AddTo(op.A, adj, a);
                AddProduct(op.B, adj, a, v.Slice(op.Noise * Block, n), scratch);
                break;
            default:
                break; // Bernoulli: no pathwise gradient
        }
    }

    private static ReadOnlySpan<double> Read(KernelOperand operand, Span<double> v, int n, Span<double> scratch)
    {
        if (!operand.IsConstant)
        {
            return v.Slice(operand.Slot * Block, n);
        }

        scratch.Slice(0, n).Fill(operand.Constant);
        return scratch.Slice(0, n);
    }

    private static double At(KernelOperand operand, Span<double> v, int jj) =>
        operand.IsConstant ? operand.Constant : v[(operand.Slot * Block) + jj];

    private static void Accumulate(Span<double> adj, KernelOperand operand, int jj, double value)
    {
        if (!operand.IsConstant)
        {
            adj[(operand.Slot * Block) + jj] += value;
        }
    }
}
