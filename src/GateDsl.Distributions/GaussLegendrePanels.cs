using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Composite 16-point Gauss-Legendre: <c>panels</c> panels of one width from <c>start</c>, as node
/// offsets and weights for integrals of analytic integrands over a fixed range (<see cref="KumaraswamyExcess"/>,
/// <see cref="LogitNormalTail"/>). Nodes and weights: Abramowitz and Stegun, table 25.4 (n = 16).
/// </summary>
internal static class GaussLegendrePanels
{
    private static readonly double[] Nodes =
    [
        0.0950125098376374402, 0.281603550779258913, 0.458016777657227386, 0.617876244402643748,
        0.755404408355003034, 0.865631202387831744, 0.944575023073232576, 0.989400934991649933,
    ];

    private static readonly double[] Weights =
    [
        0.189450610455068496, 0.182603415044923589, 0.169156519395002538, 0.149595988816576732,
        0.124628971255533872, 0.0951585116824927848, 0.0622535239386478929, 0.0271524594117540949,
    ];

    /// <summary>
    /// The rule's points and weights as float64 tensors of shape [16 x panels, 1, ..., 1] (one 1 per
    /// dimension of <paramref name="batchShape"/>), ready to broadcast against a batch and be summed over dimension 0.
    /// </summary>
    public static (Tensor Points, Tensor Weights) Rule(double start, double width, int panels, long[] batchShape, Device device)
    {
        var points = new List<double>();
        var weights = new List<double>();
        var half = width / 2;
        for (var p = 0; p < panels; p++)
        {
            var centre = start + ((p + 0.5) * width);
            for (var i = 0; i < Nodes.Length; i++)
            {
                points.Add(centre - (Nodes[i] * half));
                weights.Add(Weights[i] * half);
                points.Add(centre + (Nodes[i] * half));
                weights.Add(Weights[i] * half);
            }
        }

        var shape = new long[batchShape.Length + 1];
        Array.Fill(shape, 1L);
        shape[0] = points.Count;
        return (
            torch.tensor(points.ToArray(), ScalarType.Float64).to(device).reshape(shape),
            torch.tensor(weights.ToArray(), ScalarType.Float64).to(device).reshape(shape));
    }
}
