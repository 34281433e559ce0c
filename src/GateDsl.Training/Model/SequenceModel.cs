using GateDsl.Training.Cores;
using GateDsl.Training.Tasks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Training.Model;

/// <summary>
/// The network around the recurrent core: a learned embedding for token tasks (none for tasks with
/// float features, whose projection is the cell's own input weights), the core, and a linear readout
/// applied at every step (the task picks the steps it scores: every predicted frame for music, the
/// last real step for classification).
/// </summary>
internal sealed class SequenceModel : nn.Module
{
    private readonly Embedding? embedding;
    private readonly Linear readout;
    private readonly IRecurrentCore core;

    public SequenceModel(TrainingTask task, IRecurrentCore core)
        : base(nameof(SequenceModel))
    {
        this.core = core;
        if (task.VocabularySize is { } vocabulary)
        {
            embedding = nn.Embedding(vocabulary, task.InputSize, padding_idx: WordVocabulary.Padding);
            register_module("embedding", embedding);
        }

        register_module("core", core.Module);
        readout = nn.Linear(core.HiddenSize, task.OutputSize);
        register_module("readout", readout);
    }

    /// <summary>The recurrent core.</summary>
    public IRecurrentCore Core => core;

    /// <summary>
    /// All learnable parameters: those that take gradients (the fused LSTM path registers nn.LSTM's
    /// second bias frozen at zero, which is not a parameter of the cell; <see cref="CountParameters"/> agrees).
    /// </summary>
    public long ParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>Parameters of a model of these sizes, without building it: core + embedding + readout.</summary>
    public static long CountParameters(TrainingTask task, IRecurrentCoreFactory factory, int hiddenSize, int layers)
    {
        checked
        {
            var embeddingCount = task.VocabularySize is { } v ? (long)v * task.InputSize : 0;
            return factory.CountParameters(task.InputSize, hiddenSize, layers) + embeddingCount + ((long)hiddenSize * task.OutputSize) + task.OutputSize;
        }
    }

    /// <summary>Runs the batch through embedding, core and readout.</summary>
    public ModelOutput Forward(Batch batch, GateProbe? probe = null)
    {
        var input = batch.Tokens is { } tokens ? embedding!.call(tokens) : batch.Input!;
        var result = core.Forward(input, batch.StepMask, probe);
        return new ModelOutput(readout.call(result.Output), result.Kl);
    }
}
