using System.Globalization;
using GateDsl.Benchmarks.Prototypes;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>gradcheck</c>: the whole-sequence function against the per-op loop with the same weights,
/// inputs, random initial state, a padding mask (sequences of unequal length) and, for the 5G cell,
/// the same draws (both use KernelGamma's counter streams). Loss = sum(out R1) + sum(h_T R2) +
/// sum(c_T R3) + 0.37 sum(KL) with random R, so every output's gradient path is used. Prints the max
/// abs difference of outputs and of each gradient, and the max abs gradient for scale, in float64
/// and float32. Options: --steps 12 --batch 5 --input 7 --hidden 9.
/// </summary>
internal static class GradientCheckCommand
{
    public static int Run(string[] args)
    {
        int steps = 12, batch = 5, input = 7, hidden = 9;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            int v = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--steps": steps = v; break;
                case "--batch": batch = v; break;
                case "--input": input = v; break;
                case "--hidden": hidden = v; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var cells = new (SequenceCell Fused, Func<Generator, PerOpCells.Step> PerOp)[]
        {
            (SequenceCell.Lstm, _ => PerOpCells.Lstm),
            (SequenceCell.Cifg, _ => PerOpCells.Cifg),
            (SequenceCell.BBeta5G(false), g => PerOpCells.BBeta5G(PerOpCells.GammaSource.Kernel, false, g, 11)),
            (SequenceCell.BBeta5G(true), g => PerOpCells.BBeta5G(PerOpCells.GammaSource.Kernel, true, g, 11)),
        };
        Console.WriteLine($"T={steps} B={batch} I={input} H={hidden}; last {batch / 2} sequences padded after step {steps / 2}");
        Console.WriteLine($"{"cell",-18} {"dtype",-8} {"what",-8} {"max |diff|",12} {"max |value|",12}");
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            foreach (var (fused, perOp) in cells)
            {
                Compare(fused, perOp, dtype, steps, batch, input, hidden);
            }
        }

        return 0;
    }

    private static void Compare(SequenceCell cell, Func<Generator, PerOpCells.Step> perOp, ScalarType dtype, int steps, int batch, int input, int hidden)
    {
        using var scope = torch.NewDisposeScope();
        using var g = new Generator(42, torch.CPU);
        var w = new CellWeights(cell.Single.Heads, input, hidden, dtype, g);
        var x = torch.randn([steps, batch, input], dtype, generator: g);
        var h0 = (0.5 * torch.randn([batch, hidden], dtype, generator: g)).requires_grad_(true);
        var c0 = (0.5 * torch.randn([batch, hidden], dtype, generator: g)).requires_grad_(true);
        var mask = torch.ones([steps, batch], dtype);
        mask[TensorIndex.Slice(steps / 2), TensorIndex.Slice(batch - batch / 2)] = torch.tensor(0.0, dtype);
        var r1 = torch.randn([steps, batch, hidden], dtype, generator: g);
        var r2 = torch.randn([batch, hidden], dtype, generator: g);
        var r3 = torch.randn([batch, hidden], dtype, generator: g);
        var leaves = new[] { w.WIh, w.WHh, w.Bias, h0, c0 };
        var names = new[] { "dW_ih", "dW_hh", "db", "dh0", "dc0" };

        var (yRef, hRef, cRef, klRef) = PerOpCells.RunWithState(x, w, perOp(g), null, mask, h0, c0);
        var lossRef = (yRef * r1).sum() + (hRef * r2).sum() + (cRef * r3).sum() + (klRef is null ? torch.tensor(0.0, dtype) : 0.37 * klRef.sum());
        var gradsRef = torch.autograd.grad([lossRef], leaves);

        var (y, h, c, kl) = SequenceFunction.Run(w.Project(x), w.WHh, h0, c0, new SequenceOptions(cell, mask, 11, 0));
        var loss = (y * r1).sum() + (h * r2).sum() + (c * r3).sum() + (cell.HasKl ? 0.37 * kl.sum() : torch.tensor(0.0, dtype));
        var grads = torch.autograd.grad([loss], leaves);

        void Row(string what, Tensor a, Tensor b) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cell.Name,-18} {(dtype == ScalarType.Float64 ? "float64" : "float32"),-8} {what,-8} {(a - b).abs().max().to(ScalarType.Float64).item<double>(),12:E2} {b.abs().max().to(ScalarType.Float64).item<double>(),12:E2}"));
        Row("output", y, yRef);
        Row("h_T", h, hRef);
        Row("c_T", c, cRef);
        if (cell.HasKl)
        {
            Row("KL", kl.sum(), klRef!.sum());
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            Row(names[i], grads[i], gradsRef[i]);
        }
    }
}
