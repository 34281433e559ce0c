using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Sees every step a cell runs on the generic path, for analysis (gate histograms, the gradient that
/// reaches the gate pre-activations). A layer with an observer runs the generic path even for a
/// standard LSTM, with the same weights, so every cell can be observed.
/// </summary>
public interface IStepObserver
{
    /// <summary>
    /// Called once per step, inside the step's dispose scope: the tensors die with the step unless
    /// the observer copies them, or detaches one (<c>DetachFromDisposeScope</c>) and disposes it itself
    /// later (to read <c>grad</c> after backward, call <c>retain_grad()</c> on the pre-activations first).
    /// </summary>
    /// <param name="layer">0-based layer.</param>
    /// <param name="step">0-based time step.</param>
    /// <param name="preActivations">z [B, K*H]: head k is columns k*H .. (k+1)*H - 1, in the graph.</param>
    /// <param name="gates">i, f, o and the candidate [B, H], and the step's KL per row.</param>
    /// <param name="valid">[B] bool: rows whose step is real (null: all of them).</param>
    void Observe(int layer, long step, Tensor preActivations, StepResult gates, Tensor? valid);
}
