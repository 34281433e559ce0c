using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>Small special-function helpers on tensors and doubles.</summary>
internal static class SpecialFunctions
{
    /// <summary>Euler-Mascheroni constant.</summary>
    public const double EulerGamma = 0.57721566490153286061;

    /// <summary>log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b).</summary>
    public static Tensor LogBeta(Tensor a, Tensor b) => a.lgamma() + b.lgamma() - (a + b).lgamma();
}
