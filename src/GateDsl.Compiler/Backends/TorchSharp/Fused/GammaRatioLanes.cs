using System.Numerics;
using System.Numerics.Tensors;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// The kernel's ratio of Gamma draws, R = N / (N + D) with N the sum of the numerator's draws and D
/// the sum of the rest, and its adjoint, over a block of units: the block in
/// <see cref="Vector{T}"/> lanes from the draws themselves, and element by element from the draws'
/// logarithms (log-sum-exp) in each vector that holds a unit where a sum is at or below the floor or
/// the total is not finite (tiny shapes, where the draws underflow; diverged training). A unit's
/// value is the same either way it is computed: the lanes do the element code's arithmetic in the
/// same order.
/// </summary>
/// <remarks>
/// Values live in slots of <c>stride</c> units (slot s of unit j at <c>v[s * stride + j]</c>); the
/// op's <see cref="KernelOp.NumeratorValues"/> and <see cref="KernelOp.RestValues"/> are the draws'
/// value slots, <see cref="KernelOp.Numerator"/> and <see cref="KernelOp.Rest"/> their ln-draw slots.
/// </remarks>
internal static class GammaRatioLanes
{
    /// <summary>
    /// o[j] = R of unit j for j in [0, n). <paramref name="numeratorSum"/> and <paramref name="restSum"/>
    /// are scratch of n or more values.
    /// </summary>
    public static void Forward(KernelOp op, Span<double> v, int stride, int n, double floor, Span<double> o, Span<double> numeratorSum, Span<double> restSum)
    {
        var numerator = Sum(op.NumeratorValues, v, stride, n, numeratorSum);
        var rest = Sum(op.RestValues, v, stride, n, restSum);
        int lanes = Vector<double>.Count, jj = 0;
        for (; jj + lanes <= n; jj += lanes)
        {
            var x = new Vector<double>(numerator.Slice(jj, lanes));
            var y = new Vector<double>(rest.Slice(jj, lanes));
            var total = x + y;
            if (FromDraws(x, y, total, floor))
            {
                (x / total).CopyTo(o.Slice(jj, lanes));
                continue;
            }

            for (var j = jj; j < jj + lanes; j++)
            {
                o[j] = ForwardAt(op, v, stride, j, floor);
            }
        }

        for (; jj < n; jj++)
        {
            o[jj] = ForwardAt(op, v, stride, jj, floor);
        }
    }

    /// <summary>
    /// Adds to the ln-draw slots' adjoints in <paramref name="adj"/> what R's adjoint
    /// <paramref name="a"/> sends them: dR/d ln G_k = G_k D / (N + D)^2 for a draw of the numerator and
    /// -G_k N / (N + D)^2 for one of the rest (where the logs are used, the same as R(1 - R) times the
    /// draw's softmax weight within its sum). Scratch as in <see cref="Forward"/>.
    /// </summary>
    public static void Backward(KernelOp op, ReadOnlySpan<double> a, Span<double> v, Span<double> adj, int stride, int n, double floor, Span<double> numeratorSum, Span<double> restSum)
    {
        var numerator = Sum(op.NumeratorValues, v, stride, n, numeratorSum);
        var rest = Sum(op.RestValues, v, stride, n, restSum);
        int lanes = Vector<double>.Count, jj = 0;
        for (; jj + lanes <= n; jj += lanes)
        {
            var x = new Vector<double>(numerator.Slice(jj, lanes));
            var y = new Vector<double>(rest.Slice(jj, lanes));
            var total = x + y;
            if (!FromDraws(x, y, total, floor))
            {
                for (var j = jj; j < jj + lanes; j++)
                {
                    BackwardAt(op, a, v, adj, stride, j, floor);
                }

                continue;
            }

            // The element code's order: (scale * D) * G_k and (scale * N) * G_k.
            var scale = new Vector<double>(a.Slice(jj, lanes)) / (total * total);
            var up = scale * y;
            var down = scale * x;
            for (var k = 0; k < op.Numerator.Length; k++)
            {
                var target = adj.Slice((op.Numerator[k] * stride) + jj, lanes);
                (new Vector<double>(target) + (up * new Vector<double>(v.Slice((op.NumeratorValues[k] * stride) + jj, lanes)))).CopyTo(target);
            }

            for (var k = 0; k < op.Rest.Length; k++)
            {
                var target = adj.Slice((op.Rest[k] * stride) + jj, lanes);
                (new Vector<double>(target) - (down * new Vector<double>(v.Slice((op.RestValues[k] * stride) + jj, lanes)))).CopyTo(target);
            }
        }

        for (; jj < n; jj++)
        {
            BackwardAt(op, a, v, adj, stride, jj, floor);
        }
    }

    /// <summary>R of one unit, element by element: from the draws where both sums are above the floor and the total is finite, else sigmoid(ln N - ln D) from the logs.</summary>
    internal static double ForwardAt(KernelOp op, Span<double> v, int stride, int jj, double floor)
    {
        var numerator = SumAt(op.NumeratorValues, v, stride, jj);
        var rest = SumAt(op.RestValues, v, stride, jj);
        var total = numerator + rest;
        return numerator > floor && rest > floor && double.IsFinite(total)
            ? numerator / total
            : Sigmoid(LogSumExp(op.Numerator, v, stride, jj) - LogSumExp(op.Rest, v, stride, jj));
    }

    /// <summary>The adjoint of one unit, element by element (see <see cref="Backward"/>).</summary>
    internal static void BackwardAt(KernelOp op, ReadOnlySpan<double> a, Span<double> v, Span<double> adj, int stride, int jj, double floor)
    {
        var numerator = SumAt(op.NumeratorValues, v, stride, jj);
        var rest = SumAt(op.RestValues, v, stride, jj);
        var total = numerator + rest;
        if (numerator > floor && rest > floor && double.IsFinite(total))
        {
            var scale = a[jj] / (total * total);
            for (var k = 0; k < op.Numerator.Length; k++)
            {
                adj[(op.Numerator[k] * stride) + jj] += scale * rest * v[(op.NumeratorValues[k] * stride) + jj];
            }

            for (var k = 0; k < op.Rest.Length; k++)
            {
                adj[(op.Rest[k] * stride) + jj] -= scale * numerator * v[(op.RestValues[k] * stride) + jj];
            }

            return;
        }

        var logNumerator = LogSumExp(op.Numerator, v, stride, jj);
        var logRest = LogSumExp(op.Rest, v, stride, jj);
        var x = logNumerator - logRest;
        var slope = a[jj] * Sigmoid(x) * Sigmoid(-x);
        foreach (var s in op.Numerator)
        {
            adj[(s * stride) + jj] += slope * Math.Exp(v[(s * stride) + jj] - logNumerator);
        }

        foreach (var s in op.Rest)
        {
            adj[(s * stride) + jj] -= slope * Math.Exp(v[(s * stride) + jj] - logRest);
        }
    }

    /// <summary>True where every lane may take R from the draws (the element code's test, lane by lane; |total| below infinity is false for NaN too).</summary>
    private static bool FromDraws(Vector<double> numerator, Vector<double> rest, Vector<double> total, double floor)
    {
        var bound = new Vector<double>(floor);
        var ok = Vector.GreaterThan(numerator, bound)
            & Vector.GreaterThan(rest, bound)
            & Vector.LessThan(Vector.Abs(total), new Vector<double>(double.PositiveInfinity));
        return ok == Vector<long>.AllBitsSet;
    }

    /// <summary>The sum of the slots over the block, added in the slots' order as <see cref="SumAt"/> adds them.</summary>
    private static ReadOnlySpan<double> Sum(int[] slots, Span<double> v, int stride, int n, Span<double> scratch)
    {
        var first = v.Slice(slots[0] * stride, n);
        if (slots.Length == 1)
        {
            return first;
        }

        var sum = scratch.Slice(0, n);
        TensorPrimitives.Add(first, v.Slice(slots[1] * stride, n), sum);
        for (var k = 2; k < slots.Length; k++)
        {
            TensorPrimitives.Add(sum, v.Slice(slots[k] * stride, n), sum);
        }

        return sum;
    }

    private static double SumAt(int[] slots, Span<double> v, int stride, int jj)
    {
        var sum = v[(slots[0] * stride) + jj];
        for (var k = 1; k < slots.Length; k++)
        {
            sum += v[(slots[k] * stride) + jj];
        }

        return sum;
    }

    private static double LogSumExp(int[] slots, Span<double> v, int stride, int jj)
    {
        if (slots.Length == 1)
        {
            return v[(slots[0] * stride) + jj];
        }

        var max = double.NegativeInfinity;
        foreach (var s in slots)
        {
            max = Math.Max(max, v[(s * stride) + jj]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (var s in slots)
        {
            sum += Math.Exp(v[(s * stride) + jj] - max);
        }

        return max + Math.Log(sum);
    }

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
