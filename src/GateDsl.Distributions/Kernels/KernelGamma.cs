using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Reparameterized Gamma(alpha, 1) draws computed by <see cref="StandardGammaKernel"/> on the tensor's
/// memory, split over threads, as one autograd node: the backward multiplies the incoming gradient by
/// dG/dalpha saved in the forward. The alternative to libtorch's single-threaded
/// <c>_standard_gamma</c> + <c>_standard_gamma_grad</c>.
/// </summary>
public static class KernelGamma
{
    /// <summary>
    /// Draws G ~ Gamma(alpha, 1) elementwise, differentiable with respect to <paramref name="alpha"/>.
    /// Element i uses the stream (seed, counterOffset + i), so the same seed and offset give the same
    /// draws at any thread count; advance the offset by alpha.numel() between calls.
    /// </summary>
    /// <param name="alpha">Shapes, float32 or float64, on the CPU. Range: alpha &gt; 0 and finite.</param>
    /// <param name="seed">Stream key.</param>
    /// <param name="counterOffset">Counter of element 0.</param>
    /// <param name="logSpace">Return ln G instead of G (no underflow for tiny shapes; gradient d ln G/d alpha).</param>
    /// <returns>Draws with alpha's shape and dtype; G is clamped below at the dtype's smallest normal number.</returns>
    /// <exception cref="DistributionParameterException">An element of alpha is not positive or not finite.</exception>
    /// <exception cref="ArgumentException">alpha is not a float32/float64 CPU tensor.</exception>
    public static Tensor RSample(Tensor alpha, ulong seed, ulong counterOffset = 0, bool logSpace = false)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        if (alpha.device_type != DeviceType.CPU || (alpha.dtype != ScalarType.Float32 && alpha.dtype != ScalarType.Float64))
        {
            throw new ArgumentException($"KernelGamma: alpha must be a float32 or float64 CPU tensor; got {alpha.dtype} on {alpha.device}.", nameof(alpha));
        }

        ParameterValidation.Positive("Gamma", "shape", alpha);
        ParameterValidation.Finite("Gamma", "shape", alpha);
        return KernelGammaFunction.apply(alpha, new KernelGammaFunction.Request(seed, counterOffset, logSpace));
    }

    /// <summary>
    /// The computation itself on double spans, for tests and other kernels: ln G (or G) and its
    /// derivative with respect to alpha, element i from the stream (seed, counterOffset + i). Single-threaded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sample(ReadOnlySpan<double> alpha, Span<double> draw, Span<double> dDrawDAlpha, ulong seed, ulong counterOffset, bool logSpace)
    {
        Span<double> psi = stackalloc double[StandardGammaKernel.MaxBatch];
        for (int start = 0; start < alpha.Length; start += StandardGammaKernel.MaxBatch)
        {
            int n = Math.Min(StandardGammaKernel.MaxBatch, alpha.Length - start);
            var a = alpha.Slice(start, n);
            var d = draw.Slice(start, n);
            var g = dDrawDAlpha.Slice(start, n);
            for (int i = 0; i < n; i++)
            {
                psi[i] = ScalarSpecialFunctions.Digamma(a[i]);
            }

            StandardGammaKernel.SampleLog(a, psi[..n], d, g, seed, counterOffset + (ulong)start);
            if (!logSpace)
            {
                for (int i = 0; i < n; i++)
                {
                    d[i] = Math.Exp(d[i]);
                    g[i] *= d[i];
                }
            }
        }
    }

    internal static void Fill(Tensor alpha, Tensor draws, Tensor gradient, KernelGammaFunction.Request request)
    {
        bool single = alpha.dtype == ScalarType.Float32;
        double tiny = single ? 1.17549435e-38 : 2.2250738585072014e-308;
        KernelParallel.For(alpha.numel(), (start, end) =>
        {
            int n = (int)(end - start);
            Span<double> a = n <= 4096 ? stackalloc double[n] : new double[n];
            Span<double> d = n <= 4096 ? stackalloc double[n] : new double[n];
            Span<double> g = n <= 4096 ? stackalloc double[n] : new double[n];
            if (single)
            {
                var src = MemoryMarshal.Cast<byte, float>(alpha.bytes).Slice((int)start, n);
                for (int i = 0; i < n; i++)
                {
                    a[i] = src[i];
                }
            }
            else
            {
                MemoryMarshal.Cast<byte, double>(alpha.bytes).Slice((int)start, n).CopyTo(a);
            }

            Sample(a, d, g, request.Seed, request.CounterOffset + (ulong)start, request.LogSpace);
            if (!request.LogSpace)
            {
                for (int i = 0; i < n; i++)
                {
                    // Clamp like the toolkit's Gamma.RSample; the gradient of a clamped draw is ~0 already.
                    d[i] = Math.Max(d[i], tiny);
                }
            }

            if (single)
            {
                var dst = MemoryMarshal.Cast<byte, float>(draws.bytes).Slice((int)start, n);
                var gdst = MemoryMarshal.Cast<byte, float>(gradient.bytes).Slice((int)start, n);
                for (int i = 0; i < n; i++)
                {
                    dst[i] = (float)d[i];
                    gdst[i] = (float)g[i];
                }
            }
            else
            {
                d.CopyTo(MemoryMarshal.Cast<byte, double>(draws.bytes).Slice((int)start, n));
                g.CopyTo(MemoryMarshal.Cast<byte, double>(gradient.bytes).Slice((int)start, n));
            }
        });
    }
}
