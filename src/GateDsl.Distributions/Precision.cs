using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Float64 inside, the distribution's dtype outside. Log densities, moments and KL divergences are
/// evaluated in float64 whatever the dtype and rounded once at the end: in float32 the terms of a
/// Kumaraswamy(1000, 1000) variance or a Beta(1e6, 1e6) KL cancel to less than their rounding error
/// (the variance came out -5.2e-4 instead of 1.6e-6). <c>.to()</c> keeps the autograd link, so gradients
/// reach float32 parameters unchanged in type.
/// </summary>
internal static class Precision
{
    /// <summary>The tensor in float64 (itself when it already is).</summary>
    public static Tensor Wide(Tensor t) => t.dtype == ScalarType.Float64 ? t.alias() : t.to(ScalarType.Float64);

    /// <summary>A float64 result in <paramref name="dtype"/>: values beyond the dtype's range become +-inf.</summary>
    public static Tensor Narrow(Tensor t, ScalarType dtype) => t.dtype == dtype ? t.alias() : t.to(dtype);

    /// <summary>Largest finite value of the dtype.</summary>
    public static double MaxFinite(ScalarType dtype) => dtype == ScalarType.Float32 ? float.MaxValue : double.MaxValue;

    /// <summary>
    /// A float64 log density in <paramref name="dtype"/>, finite wherever <paramref name="inside"/> holds:
    /// a point of the support whose log density lies beyond the dtype's range (a LogitNormal with
    /// sigma = 1e-20 at a draw clamped to 1e-38 in float32 has log density -4e45) gets the dtype's
    /// largest finite value with that sign, so -inf keeps meaning "outside the support or at an end
    /// where the density vanishes". Its gradient there is 0.
    /// </summary>
    public static Tensor NarrowLogDensity(Tensor logDensity, Tensor inside, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var max = MaxFinite(dtype);
        var saturated = torch.where(inside, logDensity.clamp(-max, max), logDensity);
        return scope.MoveToOuter(Narrow(saturated, dtype));
    }
}
