using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// One step of the generic path, on weights given as tensors (a cell's own parameters, or a fused
/// LSTM's weights viewed in the cell's layout): z = inputProjection + h W_hh^T, the program's gates,
/// c_t = f c_{t-1} + i g and h_t = o tanh(c_t) (Song et al. 2020, section 2).
/// </summary>
internal static class CellStep
{
    /// <summary>The next state and the step's values. Tensors belong to the caller's dispose scope.</summary>
    public static (Tensor H, Tensor C, StepResult Result) Run(
        TensorProgram program,
        Tensor inputProjection,
        Tensor h,
        Tensor c,
        Tensor weightHh,
        long hidden,
        IDrawSource draws,
        int layer,
        long sequence,
        long step,
        IStepObserver? observer,
        Tensor? valid)
    {
        var z = inputProjection.addmm(h, weightHh.t());
        var result = program.Run(z, hidden, draws, layer, sequence, step);
        var cNext = result.ForgetGate.mul(c).add(result.InputGate.mul(result.Candidate));
        var hNext = result.OutputGate.mul(cNext.tanh());
        observer?.Observe(layer, step, z, result, valid);
        return (hNext, cNext, result);
    }
}
