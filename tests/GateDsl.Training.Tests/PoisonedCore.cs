using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using static TorchSharp.torch;

namespace GateDsl.Training.Tests;

/// <summary>
/// A test core: a real core whose output turns NaN from the given training forward on (counting only
/// training batches, not probes or evaluation), to drive the trainer's NaN guard.
/// </summary>
internal sealed class PoisonedCore(IRecurrentCore inner, int poisonFrom) : IRecurrentCore
{
    private int trainingForwards;

    public nn.Module Module => inner.Module;

    public string CellName => inner.CellName;

    public int InputSize => inner.InputSize;

    public int HiddenSize => inner.HiddenSize;

    public int Layers => inner.Layers;

    public long ParameterCount => inner.ParameterCount;

    public string Implementation => inner.Implementation;

    public IReadOnlyDictionary<string, IReadOnlyList<int>> GateHeads => inner.GateHeads;

    public DrawState Draws
    {
        get => inner.Draws;
        set => inner.Draws = value;
    }

    public CoreResult Forward(Tensor input, Tensor? mask, GateProbe? probe = null)
    {
        var result = inner.Forward(input, mask, probe);
        if (inner.Module.training && probe is null && ++trainingForwards >= poisonFrom)
        {
            return result with { Output = result.Output * double.NaN };
        }

        return result;
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Makes poisoned cores of another factory's cell.</summary>
    public sealed class Factory(IRecurrentCoreFactory inner, int poisonFrom) : IRecurrentCoreFactory
    {
        public string CellName => inner.CellName;

        public string Implementation => "test: " + inner.Implementation + " turning NaN";

        public long CountParameters(int inputSize, int hiddenSize, int layers) => inner.CountParameters(inputSize, hiddenSize, layers);

        public IRecurrentCore Create(int inputSize, int hiddenSize, int layers, double dropout, DropoutKind dropoutKind) =>
            new PoisonedCore(inner.Create(inputSize, hiddenSize, layers, dropout, dropoutKind), poisonFrom);
    }

    /// <summary>The stdlib LSTM resolved with a poisoned factory.</summary>
    public static ResolvedCell Cell(int poisonFrom)
    {
        var lstm = Runs.StdlibLstm;
        return new ResolvedCell(lstm.SpecPath, lstm.CellName, lstm.Compilation, lstm.Cell, CellProblem.None, string.Empty, new Factory(lstm.Factory!, poisonFrom));
    }
}
