using GateDsl.Training.Cores;
using GateDsl.Training.Tasks;
using GateDsl.Training.Runs;

namespace GateDsl.Training.Tests;

/// <summary>Builds small training requests for tests: the stdlib LSTM on a ready task, no plots, few epochs.</summary>
internal static class Runs
{
    private static readonly Lazy<ResolvedCell> LazyLstm = new(() => CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), "LSTM"));

    public static ResolvedCell StdlibLstm => LazyLstm.Value;

    public static TrainRequest Request(TrainingTask task, string folder, int epochs, int hidden = 16, int batch = 16, long seed = 1, ResolvedCell? cell = null) => new()
    {
        Cell = cell ?? StdlibLstm,
        Options = new TrainOptions
        {
            Task = new TaskChoice(task.Name, task.Variant),
            TaskOverride = task,
            Epochs = epochs,
            HiddenSize = hidden,
            BatchSize = batch,
            WritePlots = false,
        },
        OutputFolder = folder,
        Seed = seed,
    };
}
