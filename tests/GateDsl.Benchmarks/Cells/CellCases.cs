using GateDsl.Benchmarks.Prototypes;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// The cases of the cell benchmark at one size: nn.LSTM (the baseline), the per-op loops, and the
/// whole-sequence function with each cell's step. Each iteration is forward + backward of one batch
/// (loss = sum of outputs, plus 1e-3 x KL where the cell has a prior) and zeroes the gradients.
/// </summary>
internal static class CellCases
{
    public const string Baseline = "nn.LSTM";

    public static List<CellCase> Create(int steps, int batch, int input, int hidden, ScalarType dtype, Func<string, bool> selected)
    {
        var generator = new Generator(1000, torch.CPU);
        var x = torch.randn([steps, batch, input], dtype, generator: generator);
        var cases = new List<CellCase>();

        void Add(string name, Func<CellCase> make)
        {
            if (name == Baseline || selected(name))
            {
                cases.Add(make());
            }
        }

        Add(Baseline, () =>
        {
            var lstm = torch.nn.LSTM(input, hidden);
            lstm.to(dtype);
            return new CellCase(Baseline, () =>
            {
                using var scope = torch.NewDisposeScope();
                var (y, _, _) = lstm.call(x);
                y.sum().backward();
                lstm.zero_grad();
            }, lstm.Dispose);
        });

        AddPerOp("per-op LSTM", 4, PerOpCells.Lstm);
        AddPerOp("per-op LSTM (unbind)", 4, PerOpCells.Lstm, unbind: true);
        AddPerOp("per-op CIFG (unbind)", 3, PerOpCells.Cifg, unbind: true);
        AddPerOp("per-op 5G (_standard_gamma, unbind)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.StandardGamma, false, generator, 7), unbind: true);
        AddPerOp("per-op CIFG", 3, PerOpCells.Cifg);
        foreach (var (source, label) in new[] { (PerOpCells.GammaSource.Toolkit, "toolkit"), (PerOpCells.GammaSource.StandardGamma, "_standard_gamma"), (PerOpCells.GammaSource.Kernel, "kernel Gamma") })
        {
            AddPerOp($"per-op 5G ({label})", 7, PerOpCells.BBeta5G(source, false, generator, 7));
            AddPerOp($"per-op 5G+KL ({label})", 7, PerOpCells.BBeta5G(source, true, generator, 7));
        }

        AddFused("fused LSTM", SequenceCell.Lstm);
        AddFused("fused CIFG", SequenceCell.Cifg);
        AddFused("fused 5G", SequenceCell.BBeta5G(false));
        AddFused("fused 5G+KL", SequenceCell.BBeta5G(true));
        return cases;

        void AddPerOp(string name, int heads, PerOpCells.Step step, bool unbind = false) => Add(name, () =>
        {
            var w = new CellWeights(heads, input, hidden, dtype, generator);
            return new CellCase(name, () =>
            {
                using var scope = torch.NewDisposeScope();
                var (y, kl) = PerOpCells.Run(x, w, step, unbind: unbind);
                var loss = y.sum();
                if (kl is not null)
                {
                    loss = loss + 1e-3 * kl.sum();
                }

                loss.backward();
                w.ZeroGrad();
            }, w.Dispose);
        });

        void AddFused(string name, SequenceCell cell) => Add(name, () =>
        {
            var w = new CellWeights(cell.Single.Heads, input, hidden, dtype, generator);
            ulong offset = 0;
            return new CellCase(name, () =>
            {
                using var scope = torch.NewDisposeScope();
                var h0 = torch.zeros([batch, hidden], dtype);
                var c0 = torch.zeros([batch, hidden], dtype);
                var (y, _, _, kl) = SequenceFunction.Run(w.Project(x), w.WHh, h0, c0, new SequenceOptions(cell, null, 7, offset));
                offset += (ulong)(steps * batch * hidden);
                var loss = y.sum();
                if (cell.HasKl)
                {
                    loss = loss + 1e-3 * kl.sum();
                }

                loss.backward();
                w.ZeroGrad();
            }, w.Dispose);
        });
    }
}
