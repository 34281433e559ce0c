using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;

namespace GateDsl.Training.Runs;

/// <summary>The settings of a run after defaults are filled in; a checkpoint stores them and <c>--resume</c> checks them.</summary>
/// <param name="Task">The task, <c>name</c> or <c>name:variant</c>.</param>
/// <param name="Epochs">Epochs to train.</param>
/// <param name="HiddenSize">H of every layer.</param>
/// <param name="Layers">Recurrent layers.</param>
/// <param name="Dropout">Dropout probability between layers.</param>
/// <param name="DropoutKind">Plain or locked dropout.</param>
/// <param name="BatchSize">Sequences per training batch.</param>
/// <param name="LearningRate">Adam's initial learning rate.</param>
/// <param name="Clip">Maximum gradient norm (all parameters together).</param>
/// <param name="KlWeight">Multiplies the spec-weighted KL in the loss.</param>
/// <param name="Seed">Seeds the weights, the data order and every draw.</param>
public sealed record TrainSettings(
    string Task,
    int Epochs,
    int HiddenSize,
    int Layers,
    double Dropout,
    DropoutKind DropoutKind,
    int BatchSize,
    double LearningRate,
    double Clip,
    double KlWeight,
    long Seed)
{
    /// <summary>Adam's learning rate in PAPER.md.</summary>
    public const double DefaultLearningRate = 2e-3;

    /// <summary>The gradient-norm clip in PAPER.md.</summary>
    public const double DefaultClip = 1.0;

    /// <summary>The default multiplier of the spec's prior weights.</summary>
    public const double DefaultKlWeight = 1.0;

    /// <summary>The default seed (the paper's code uses 1000).</summary>
    public const long DefaultSeed = 1000;
}
