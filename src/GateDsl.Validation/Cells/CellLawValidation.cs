using System.Diagnostics;
using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Ir;
using GateDsl.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Validation.Cells;

/// <summary>
/// Holds a compiled cell to the laws the compiler inferred for its gates (<c>gatec validate --cell</c>):
/// at each <see cref="HeadSetting"/> the cell's training step (<see cref="GateCell"/>, float64, a
/// seeded draw source) draws every gate n times with the heads fixed, and
/// <list type="bullet">
/// <item>each stochastic gate with a known law is compared with that law's MathNet reference, its
/// parameters evaluated at the heads in double precision (KS over the faithful window,
/// <see cref="LawTest"/>);</item>
/// <item>a known joint law of (i, f) has its correlation compared with the reference's
/// (<see cref="CorrelationTest"/>; Olkin-Liu E[XY] exact, the 5G pair's E[XY] by its integral);</item>
/// <item>a gate the evaluation step computes as its law's exact mean is compared with the reference
/// mean (deterministic: relative error at most <see cref="EvaluationTolerance"/>).</item>
/// </list>
/// Error budget as in <see cref="ValidationSuite"/>: the total false-failure probability (1e-6 by
/// default) is split evenly over the statistical checks (Bonferroni), so a correct compiler fails the
/// whole run with probability at most the budget. Draws per setting are the suite's law sample
/// size (<see cref="ValidationSuite.SampleSizes"/>).
/// </summary>
public static class CellLawValidation
{
    /// <summary>Relative tolerance of the evaluation step's exact mean against the reference mean (float64).</summary>
    public const double EvaluationTolerance = 1e-8;

    /// <summary>The seed of the first head setting's draws (the next settings use the following seeds).</summary>
    public const ulong DefaultSeed = 20_261_130;

    /// <summary>Runs the checks of <paramref name="cell"/>.</summary>
    /// <param name="cell">The lowered cell (its hyperparameters as lowered).</param>
    /// <param name="size">Quick (20,000 draws per gate and setting) or full (400,000).</param>
    /// <param name="falseFailureBudget">Total false-failure probability of the run. Range: (0, 1).</param>
    /// <param name="seed">Seed of the first setting's draw source.</param>
    /// <param name="drawSource">Makes the draw source of a setting from its seed (<see cref="TorchDrawSource"/> by default; tests pass wrong ones).</param>
    /// <param name="progress">Called with each result as it completes.</param>
    /// <param name="settings">The head settings (<see cref="HeadSetting.Standard"/> by default); each must give one value per head.</param>
    /// <exception cref="ArgumentOutOfRangeException">A budget outside (0, 1).</exception>
    /// <exception cref="ArgumentException">A setting whose number of head values is not the cell's K.</exception>
    public static CellLawReport Run(
        IrCell cell,
        SuiteSize size,
        double falseFailureBudget = ValidationSuite.TotalFalseFailureBudget,
        ulong seed = DefaultSeed,
        Func<ulong, IDrawSource>? drawSource = null,
        Action<CellCheckResult>? progress = null,
        IReadOnlyList<HeadSetting>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        settings ??= HeadSetting.Standard(cell.HeadCount);
        if (settings.FirstOrDefault(s => s.Heads.Count != cell.HeadCount) is { } wrong)
        {
            throw new ArgumentException($"head setting {wrong.Name} has {wrong.Heads.Count} values, but cell {cell.Name} has {cell.HeadCount} heads.", nameof(settings));
        }

        if (!(falseFailureBudget > 0 && falseFailureBudget < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(falseFailureBudget), falseFailureBudget, "the false-failure budget must be in (0, 1).");
        }

        var (targets, pair, unchecked_) = Targets(cell);
        var n = ValidationSuite.SampleSizes(size).Law;
        var statistical = settings.Count * (targets.Count + (pair is null ? 0 : 1));
        var alpha = statistical == 0 ? 0 : falseFailureBudget / statistical;
        var results = new List<CellCheckResult>();
        void Add(CellCheckResult r)
        {
            results.Add(r);
            progress?.Invoke(r);
        }

        for (var s = 0; s < settings.Count && statistical > 0; s++)
        {
            var setting = settings[s];
            var watch = Stopwatch.StartNew();
            var training = Draw(cell, setting.Heads, n, training: true, (drawSource ?? (k => new TorchDrawSource(k)))(seed + (ulong)s));
            var drawTime = watch.Elapsed / Math.Max(1, targets.Count);
            foreach (var target in targets)
            {
                watch.Restart();
                var parameters = Parameters(cell, target.Gate.Law!, setting);
                var outcome = Unverifiable(target.Entry, parameters) ?? Law(training[target.Gate.Name], target.Entry.CreateReference(parameters), alpha);
                Add(new CellCheckResult(setting.Name, target.Gate.Name, target.Entry.Describe(parameters), "law (KS)", alpha, outcome, drawTime + watch.Elapsed));
            }

            if (pair is not null)
            {
                watch.Restart();
                var parameters = Parameters(cell, pair.Law, setting);
                CheckOutcome outcome;
                if (Unverifiable(pair.Entry, parameters) is { } unverifiable)
                {
                    outcome = unverifiable;
                }
                else
                {
                    var reference = pair.Entry.CreateJointReference(parameters);
                    var c = CorrelationTest.Test(training[pair.X], training[pair.Y], reference.Correlation, alpha);
                    outcome = CheckOutcome.From(c.Test) with
                    {
                        Detail = $"sample {Format.Number(c.Sample)} vs reference {Format.Number(c.Reference)}, n = {n}, p = {Format.Probability(c.Test.PValue ?? 1)}",
                    };
                }

                Add(new CellCheckResult(setting.Name, $"({pair.X}, {pair.Y})", pair.Entry.Describe(parameters), "correlation (CLT)", alpha, outcome, watch.Elapsed));
            }

            var exact = targets.Where(t => t.Gate.Evaluation == GateEvaluation.ExactMean).ToList();
            if (exact.Count > 0)
            {
                watch.Restart();
                var evaluation = Draw(cell, setting.Heads, 1, training: false, new TorchDrawSource(seed + (ulong)s));
                foreach (var target in exact)
                {
                    var parameters = Parameters(cell, target.Gate.Law!, setting);
                    var outcome = Unverifiable(target.Entry, parameters) ?? ExactMean(target.Entry, parameters, evaluation[target.Gate.Name][0]);
                    Add(new CellCheckResult(setting.Name, target.Gate.Name, target.Entry.Describe(parameters), "evaluation step = exact mean", 0, outcome, watch.Elapsed));
                }
            }
        }

        return new CellLawReport(cell.Name, n, falseFailureBudget, alpha, settings, results, unchecked_);
    }

    /// <summary>The gates that can be checked (stochastic, law known, a reference for its family), the pair, and the rest with reasons.</summary>
    private static (List<Target> Targets, Pair? Pair, List<UncheckedGate> Unchecked) Targets(IrCell cell)
    {
        var targets = new List<Target>();
        var unchecked_ = new List<UncheckedGate>();
        foreach (var gate in cell.Gates.Where(g => g.IsStochastic))
        {
            if (gate.Law is not { } law)
            {
                unchecked_.Add(new UncheckedGate(gate.Name, "its law is unknown to the compiler"));
            }
            else if (DistributionCatalogue.Find(law.Family.ToString()) is not { IsJoint: false } entry)
            {
                unchecked_.Add(new UncheckedGate(gate.Name, $"{law.Family} has no reference law to hold it against"));
            }
            else
            {
                targets.Add(new Target(gate, entry));
            }
        }

        Pair? pair = null;
        if (cell.Gates.FirstOrDefault(g => g.Joint is { Component: 0 }) is { Joint: { } joint } x
            && DistributionCatalogue.Find(joint.Law.Family.ToString()) is { IsJoint: true } jointEntry
            && targets.Any(t => t.Gate.Name == x.Name) && targets.Any(t => t.Gate.Name == joint.Partner))
        {
            pair = new Pair(x.Name, joint.Partner, joint.Law, jointEntry);
        }

        return (targets, pair, unchecked_);
    }

    private static double[] Parameters(IrCell cell, IrLaw law, HeadSetting setting) =>
        law.Parameters.Select(p => HeadValues.Evaluate(cell.Training, p, setting.Heads)).ToArray();

    /// <summary>
    /// A failed check that says why it cannot be made, where the reference is not validated at the parameters the
    /// heads give (<see cref="CatalogueEntry.ReferenceProblem"/>: shapes of 1e300 from a constant added to softplus):
    /// before, the reference's NaN CDF reached the KS distribution and gatec exited 3 (internal error). Validation
    /// cannot vouch for such a cell, so the check fails with that reason (exit 1) rather than passing unseen.
    /// </summary>
    private static CheckOutcome? Unverifiable(CatalogueEntry entry, double[] parameters)
        => entry.ReferenceProblem(parameters) is { } reason ? new CheckOutcome(double.NaN, double.NaN, false, $"cannot be checked: {reason}") : null;

    private static CheckOutcome ExactMean(CatalogueEntry entry, double[] parameters, double value)
    {
        var mean = entry.CreateReference(parameters).Mean;
        var error = Math.Abs(value - mean) / Math.Max(Math.Abs(mean), double.Epsilon);
        return CheckOutcome.Deterministic($"evaluation step {Format.Number(value)} vs reference mean {Format.Number(mean)} (relative error)", double.IsNaN(error) ? double.PositiveInfinity : error, EvaluationTolerance);
    }

    /// <summary>KS of the draws against the reference; non-finite draws fail the check outright (a NaN gate is never right).</summary>
    private static CheckOutcome Law(double[] draws, IReferenceDistribution reference, double alpha)
    {
        var bad = draws.Count(d => !double.IsFinite(d));
        return bad > 0
            ? new CheckOutcome(double.PositiveInfinity, 0, false, $"{bad} of {draws.Length} draws are not finite")
            : CheckOutcome.From(LawTest.Ks(draws, reference, alpha));
    }

    /// <summary>
    /// One step of the cell in float64 with batch <paramref name="batch"/> and one unit (H = 1, I = 1):
    /// the weights are 0 and the bias holds the head values, so every row's pre-activations are the
    /// heads and the rows are independent draws of the same gates. Returns each gate's values by name.
    /// </summary>
    private static Dictionary<string, double[]> Draw(IrCell cell, IReadOnlyList<double> heads, int batch, bool training, IDrawSource draws)
    {
        using var scope = torch.NewDisposeScope();
        using var module = new GateCell(cell, inputSize: 1, hiddenSize: 1);
        module.to(ScalarType.Float64);
        using (torch.no_grad())
        {
            module.WeightIh.zero_();
            module.WeightHh.zero_();
            module.Bias.copy_(torch.tensor(heads.ToArray(), ScalarType.Float64));
        }

        module.Draws = draws;
        module.CaptureGates = true;
        if (training)
        {
            module.train();
        }
        else
        {
            module.eval();
        }

        var x = torch.zeros(batch, 1, ScalarType.Float64);
        var (h, c) = module.ZeroState(batch);
        using (torch.no_grad())
        {
            module.forward(x, h, c);
        }

        var step = module.CapturedGates[0];
        return new Dictionary<string, double[]>
        {
            ["i"] = Values(step.InputGate),
            ["f"] = Values(step.ForgetGate),
            ["o"] = Values(step.OutputGate),
            ["candidate"] = Values(step.Candidate),
        };
    }

    private static double[] Values(Tensor t) => t.reshape(-1).data<double>().ToArray();

    private sealed record Target(IrGate Gate, CatalogueEntry Entry);

    private sealed record Pair(string X, string Y, IrLaw Law, CatalogueEntry Entry);
}
