namespace GateDsl.Reference;

/// <summary>
/// Globally adaptive Gauss-Kronrod (7/15 points, QUADPACK's qk15 constants): the panel with the
/// largest error estimate is split until the summed estimate falls below the tolerance times the
/// integral of |f|. Measuring against the L1 norm (not |result|) keeps integrals that cancel to
/// about zero, such as KL(p || p) or a centred moment, from splitting forever, and the panel budget
/// bounds the work on noisy integrands (finite differences).
/// </summary>
internal static class AdaptiveGaussKronrod
{
    private const int MaxPanels = 4000;

    private static readonly double[] Xgk =
    [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    ];

    private static readonly double[] Wgk =
    [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ];

    // Gauss weights for the nodes Xgk[1], Xgk[3], Xgk[5], Xgk[7].
    private static readonly double[] Wg =
    [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ];

    public static double Integrate(Func<double, double> f, double a, double b, double relativeTolerance)
    {
        var queue = new PriorityQueue<(double A, double B, double Value, double Error, double L1), double>();
        var first = Panel(f, a, b);
        queue.Enqueue(first, -first.Error);
        double total = first.Value;
        double error = first.Error;
        double l1 = first.L1;
        int panels = 1;
        while (error > relativeTolerance * l1 && panels < MaxPanels && queue.Count > 0)
        {
            var worst = queue.Dequeue();
            double mid = 0.5 * (worst.A + worst.B);
            if (mid <= worst.A || mid >= worst.B)
            {
                queue.Enqueue(worst, double.PositiveInfinity); // cannot split further; park it
                break;
            }

            var left = Panel(f, worst.A, mid);
            var right = Panel(f, mid, worst.B);
            total += left.Value + right.Value - worst.Value;
            error += left.Error + right.Error - worst.Error;
            l1 += left.L1 + right.L1 - worst.L1;
            queue.Enqueue(left, -left.Error);
            queue.Enqueue(right, -right.Error);
            panels++;
        }

        return total;
    }

    private static (double A, double B, double Value, double Error, double L1) Panel(Func<double, double> f, double a, double b)
    {
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = f(center);
        double kronrod = Wgk[7] * fc;
        double gauss = Wg[3] * fc;
        double l1 = Wgk[7] * Math.Abs(fc);
        for (int j = 0; j < 7; j++)
        {
            double dx = half * Xgk[j];
            double f1 = f(center - dx);
            double f2 = f(center + dx);
            kronrod += Wgk[j] * (f1 + f2);
            l1 += Wgk[j] * (Math.Abs(f1) + Math.Abs(f2));
            if (j % 2 == 1)
            {
                gauss += Wg[j / 2] * (f1 + f2);
            }
        }

        double value = kronrod * half;
        double err = Math.Abs((kronrod - gauss) * half);
        return (a, b, value, err, l1 * Math.Abs(half));
    }
}
