using GateDsl.Compiler.Ir;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// A compiled cell run over sequences, with TorchSharp nn.LSTM's conventions: input [T, B, I] (or
/// [B, T, I] batch-first), stacked layers with dropout between them (plain or locked), an optional
/// initial state per layer, and an optional mask [T, B] (or [B, T]; true where a step is real) for
/// padded batches of unequal length: a padded step changes neither the state nor the KL, and its
/// output is 0. Returns the outputs, the final (h, c) of each layer and the total prior KL.
/// <para>
/// Each layer's input projection x_t W_ih^T + b is one matrix product for all steps; the step loop
/// adds h_{t-1} W_hh^T and runs the cell's program (<see cref="GateCell"/>). A cell that is exactly
/// the standard LSTM runs on libtorch's fused kernel (<see cref="ExecutionPath.FusedLstm"/>; masks
/// there must pad at the end of each sequence).
/// </para>
/// </summary>
public sealed class GateLayer : nn.Module<Tensor, Tensor?, IReadOnlyList<(Tensor H, Tensor C)>?, LayerOutput>
{
    private readonly ModuleList<GateCell> cells = new();
    private readonly ModuleList<FusedLstmLayer> fused = new();

    /// <summary>Creates the layer; every weight uniform(-1/sqrt(H), 1/sqrt(H)) from <paramref name="generator"/> (torch's global one when null).</summary>
    /// <param name="ir">The lowered cell.</param>
    /// <param name="inputSize">I, the features of each input step. Range: at least 1.</param>
    /// <param name="hiddenSize">H. Range: at least 1.</param>
    /// <param name="options">Layers, dropout, batch-first, execution path.</param>
    /// <param name="generator">Generator for the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or option out of range.</exception>
    /// <exception cref="ArgumentException">The fused path was asked for a cell that is not the standard LSTM.</exception>
    public GateLayer(IrCell ir, long inputSize, long hiddenSize, LayerOptions? options = null, Generator? generator = null)
        : base(ir.Name + "Layer")
    {
        ArgumentNullException.ThrowIfNull(ir);
        Options = options ?? new LayerOptions();
        Options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        Ir = ir;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        var lstm = StandardLstm.Match(ir);
        if (Options.Path == ExecutionPath.FusedLstm && lstm is null)
        {
            throw new ArgumentException($"cell {ir.Name} is not exactly the standard LSTM (sigmoid gates and a tanh candidate on four heads, no draws), so it cannot run on libtorch's fused LSTM kernel; use the generic path.", nameof(options));
        }

        Path = Options.Path == ExecutionPath.Generic || lstm is null ? ExecutionPath.Generic : ExecutionPath.FusedLstm;
        for (var l = 0; l < Options.Layers; l++)
        {
            var layerInput = l == 0 ? inputSize : hiddenSize;
            if (Path == ExecutionPath.FusedLstm)
            {
                fused.Add(new FusedLstmLayer($"{ir.Name}{l}", lstm!.Value, layerInput, hiddenSize, generator));
            }
            else
            {
                cells.Add(new GateCell(ir, layerInput, hiddenSize, generator) { LayerIndex = l });
            }
        }

        RegisterComponents();
    }

    /// <summary>The lowered cell.</summary>
    public IrCell Ir { get; }

    /// <summary>The options it was made with.</summary>
    public LayerOptions Options { get; }

    /// <summary>The path it runs on: <see cref="ExecutionPath.Generic"/> or <see cref="ExecutionPath.FusedLstm"/>.</summary>
    public ExecutionPath Path { get; }

    /// <summary>I.</summary>
    public long InputSize { get; }

    /// <summary>H.</summary>
    public long HiddenSize { get; }

    /// <summary>The cells of the generic path, one per layer (empty on the fused path).</summary>
    public IReadOnlyList<GateCell> Cells => cells.ToList();

    /// <summary>Trainable parameters: the sum over layers of K*H*(I_l + H) + K*H.</summary>
    public long ParameterCount => Enumerable.Range(0, Options.Layers)
        .Sum(l => new CellLayout(Ir.HeadCount, l == 0 ? InputSize : HiddenSize, HiddenSize).ParameterCount);

    /// <summary>Where every layer's draws come from (the generic path; see <see cref="GateCell.Draws"/>).</summary>
    public IDrawSource Draws
    {
        set
        {
            foreach (var cell in cells)
            {
                cell.Draws = value;
            }
        }
    }

    /// <summary>
    /// Each layer's weights in the cell's layout, whatever the path: the parameters themselves on the
    /// generic path, differentiable views of nn.LSTM's weights (reordered) on the fused path.
    /// </summary>
    public IReadOnlyList<CellWeights> Weights() => Path == ExecutionPath.FusedLstm
        ? fused.Select(f => f.CanonicalWeights()).Select(w => new CellWeights(w.WeightIh, w.WeightHh, w.Bias)).ToList()
        : cells.Select(c => new CellWeights(c.WeightIh, c.WeightHh, c.Bias)).ToList();

    /// <summary>Copies weights in the cell's layout into every layer (no gradient), converting dtype and device.</summary>
    /// <exception cref="ArgumentException">Another number of layers, or a tensor of another shape, named with what was expected.</exception>
    public void LoadWeights(IReadOnlyList<CellWeights> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Options.Layers)
        {
            throw new ArgumentException($"layer of cell {Ir.Name}: expected weights for {Options.Layers} layer(s), got {weights.Count}.", nameof(weights));
        }

        var current = Weights();
        for (var l = 0; l < weights.Count; l++)
        {
            RequireShape(weights[l].WeightIh, current[l].WeightIh, $"layer {l} W_ih");
            RequireShape(weights[l].WeightHh, current[l].WeightHh, $"layer {l} W_hh");
            RequireShape(weights[l].Bias, current[l].Bias, $"layer {l} bias");
            if (Path == ExecutionPath.FusedLstm)
            {
                fused[l].LoadCanonical(weights[l].WeightIh, weights[l].WeightHh, weights[l].Bias);
            }
            else
            {
                using var noGrad = torch.no_grad();
                cells[l].WeightIh.copy_(weights[l].WeightIh);
                cells[l].WeightHh.copy_(weights[l].WeightHh);
                cells[l].Bias.copy_(weights[l].Bias);
            }
        }
    }

    private void RequireShape(Tensor given, Tensor expected, string what)
    {
        if (!given.shape.SequenceEqual(expected.shape))
        {
            throw new ArgumentException($"layer of cell {Ir.Name}: {what} must have shape [{string.Join(", ", expected.shape)}], but has [{string.Join(", ", given.shape)}].");
        }
    }

    /// <summary>Runs the layers; see the class summary for shapes. Pass null for no mask and a zero initial state.</summary>
    /// <exception cref="ArgumentException">A shape, dtype or device that does not fit, named with what was expected.</exception>
    public override LayerOutput forward(Tensor input, Tensor? mask = null, IReadOnlyList<(Tensor H, Tensor C)>? initialState = null)
    {
        var (dtype, device) = WeightsType();
        var owner = $"layer of cell {Ir.Name}";
        var rank3 = input?.dim() == 3;
        long steps = rank3 ? input!.shape[Options.BatchFirst ? 1 : 0] : -1, batch = rank3 ? input!.shape[Options.BatchFirst ? 0 : 1] : -1;
        var inputShape = Options.BatchFirst ? $"[batch, time, {InputSize}]" : $"[time, batch, {InputSize}]";
        CellShapes.Require(input!, "the input", Options.BatchFirst ? [batch, steps, InputSize] : [steps, batch, InputSize], inputShape + $" (input size {InputSize})", dtype, device, owner);
        if (mask is not null)
        {
            CellShapes.Require(mask, "the mask", Options.BatchFirst ? [batch, steps] : [steps, batch], Options.BatchFirst ? $"[{batch}, {steps}] (batch, time of the input)" : $"[{steps}, {batch}] (time, batch of the input)", ScalarType.Bool, device, owner);
        }

        if (initialState is not null)
        {
            if (initialState.Count != Options.Layers)
            {
                throw new ArgumentException($"{owner}: the initial state must have one (h, c) per layer ({Options.Layers}), but has {initialState.Count}.", nameof(initialState));
            }

            foreach (var (h, c) in initialState)
            {
                CellShapes.Require(h, "an initial h", [batch, HiddenSize], $"[{batch}, {HiddenSize}]", dtype, device, owner);
                CellShapes.Require(c, "an initial c", [batch, HiddenSize], $"[{batch}, {HiddenSize}]", dtype, device, owner);
            }
        }

        using var scope = torch.NewDisposeScope();
        var x = Options.BatchFirst ? input!.transpose(0, 1) : input!;
        var m = mask is null ? null : Options.BatchFirst ? mask.transpose(0, 1) : mask;
        var finals = new List<(Tensor H, Tensor C)>();
        Tensor? kl = null;
        for (var l = 0; l < Options.Layers; l++)
        {
            var (h0, c0) = initialState?[l] ?? (torch.zeros(batch, HiddenSize, dtype, device), torch.zeros(batch, HiddenSize, dtype, device));
            Tensor output, h, c;
            if (Path == ExecutionPath.FusedLstm)
            {
                (output, h, c) = fused[l].Run(x, h0, c0, m is null ? null : Lengths(m, owner));
            }
            else
            {
                Tensor? layerKl;
                (output, h, c, layerKl) = RunGeneric(cells[l], x, h0, c0, m);
                if (layerKl is not null)
                {
                    kl = kl is null ? layerKl : kl.add(layerKl);
                }
            }

            finals.Add((h, c));
            x = l < Options.Layers - 1 ? Dropout(output) : output;
        }

        var result = Options.BatchFirst ? x.transpose(0, 1) : x;
        var total = kl ?? torch.zeros([], dtype, device);
        scope.MoveToOuter(finals.SelectMany(f => new[] { f.H, f.C }).Append(result).Append(total));
        return new LayerOutput(result, finals, total);
    }

    /// <summary>The generic path over one layer: one product for the input projection, then the step loop.</summary>
    private (Tensor Output, Tensor H, Tensor C, Tensor? Kl) RunGeneric(GateCell cell, Tensor x, Tensor h, Tensor c, Tensor? mask)
    {
        long steps = x.shape[0], batch = x.shape[1];
        cell.BeginSequence();
        var projection = cell.Bias.addmm(x.reshape(steps * batch, x.shape[2]), cell.WeightIh.t()).view(steps, batch, -1);
        var outputs = new Tensor[steps];
        Tensor? kl = null;
        for (long t = 0; t < steps; t++)
        {
            using var stepScope = torch.NewDisposeScope();
            var (hNext, cNext, stepKl) = cell.Step(projection[t], h, c);
            Tensor output = hNext;
            if (mask is not null)
            {
                var valid = mask[t].unsqueeze(1);
                hNext = torch.where(valid, hNext, h);
                cNext = torch.where(valid, cNext, c);
                output = hNext.mul(valid);
                stepKl = stepKl?.mul(mask[t]);
            }

            var summed = stepKl?.sum();
            kl = summed is null ? kl : kl is null ? summed : kl.add(summed);
            stepScope.MoveToOuter(new[] { hNext, cNext, output }.Concat(kl is null ? [] : [kl]));
            (h, c, outputs[t]) = (hNext, cNext, output);
        }

        return (torch.stack(outputs), h, c, kl);
    }

    private Tensor Dropout(Tensor output) => Dropout(output, Options.Dropout, Options.DropoutKind, training);

    /// <summary>
    /// Dropout of a layer's outputs [T, B, H] in training: plain (a fresh mask per element) or locked
    /// (one mask per sequence and unit, shared over time); kept values scaled by 1 / (1 - p).
    /// </summary>
    internal static Tensor Dropout(Tensor output, double p, DropoutKind kind, bool training)
    {
        if (!training || p == 0)
        {
            return output;
        }

        if (kind == DropoutKind.Plain)
        {
            return nn.functional.dropout(output, p, training: true);
        }

        var keep = 1 - p;
        var locked = torch.empty(1, output.shape[1], output.shape[2], output.dtype, output.device).bernoulli_(keep).div_(keep);
        return output.mul(locked);
    }

    /// <summary>The lengths a fused-path mask stands for; it must be true then false along time in every row.</summary>
    private static Tensor Lengths(Tensor mask, string owner)
    {
        using var cpu = mask.to(ScalarType.Int64, torch.CPU);
        var lengths = cpu.sum(dim: 0);
        using var prefix = torch.arange(mask.shape[0], ScalarType.Int64).unsqueeze(1).lt(lengths.unsqueeze(0));
        using var asBool = cpu.to(ScalarType.Bool);
        if (!prefix.eq(asBool).all().item<bool>())
        {
            throw new ArgumentException($"{owner}: on the fused LSTM path a mask must be true then false along time in every row (padding at the end of each sequence); this one has a gap. Use the generic path (LayerOptions.Path = Generic) for such masks.", nameof(mask));
        }

        if (lengths.min().item<long>() < 1)
        {
            throw new ArgumentException($"{owner}: on the fused LSTM path every sequence needs at least one real step; a row of the mask is all false.", nameof(mask));
        }

        return lengths;
    }

    private (ScalarType DType, Device Device) WeightsType()
    {
        var first = parameters().First();
        return (first.dtype, first.device);
    }
}
