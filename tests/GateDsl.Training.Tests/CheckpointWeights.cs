using GateDsl.Training.Cores;
using GateDsl.Training.Model;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Tests;

/// <summary>Reads the weights of a checkpoint into plain arrays, for exact comparisons.</summary>
internal static class CheckpointWeights
{
    public static IReadOnlyDictionary<string, float[]> Read(string path, TrainingTask task)
    {
        var state = Checkpoint.ReadState(path);
        var settings = state.Settings!;
        var factory = CellResolver.Resolve(state.SpecFile, state.Cell).Factory!;
        using var model = new SequenceModel(task, factory.Create(task.InputSize, settings.HiddenSize, settings.Layers, settings.Dropout, settings.DropoutKind));
        Checkpoint.LoadModel(path, model);
        return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
    }

    public static void AssertEqual(IReadOnlyDictionary<string, float[]> expected, IReadOnlyDictionary<string, float[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, values) in expected)
        {
            Assert.True(values.SequenceEqual(actual[name]), $"parameter {name} differs");
        }
    }
}
