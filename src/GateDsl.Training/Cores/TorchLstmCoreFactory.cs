namespace GateDsl.Training.Cores;

/// <summary>Makes <see cref="TorchLstmCore"/>s: the interim nn.LSTM baseline for cells equal to the standard LSTM.</summary>
internal sealed class TorchLstmCoreFactory : IRecurrentCoreFactory
{
    public TorchLstmCoreFactory(string cellName) => CellName = cellName;

    public string CellName { get; }

    public string Implementation => "TorchSharp nn.LSTM (interim baseline until compiled cells land)";

    public long CountParameters(int inputSize, int hiddenSize, int layers) => TorchLstmCore.Count(inputSize, hiddenSize, layers);

    public IRecurrentCore Create(int inputSize, int hiddenSize, int layers, double dropout, DropoutKind dropoutKind) =>
        new TorchLstmCore(CellName, inputSize, hiddenSize, layers, dropout, dropoutKind);
}
