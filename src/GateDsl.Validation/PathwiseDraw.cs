namespace GateDsl.Validation;

/// <summary>Draws of one component with the pathwise gradient of each draw with respect to one parameter.</summary>
/// <param name="Values">The draws x_i.</param>
/// <param name="Gradients">dx_i/dtheta for each draw (the parameter is replicated per draw, so these are per-sample).</param>
public sealed record PathwiseDraw(double[] Values, double[] Gradients);
