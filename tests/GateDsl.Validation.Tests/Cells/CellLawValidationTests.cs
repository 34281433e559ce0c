using GateDsl.Compiler;
using GateDsl.Compiler.Ir;
using GateDsl.Reference;
using GateDsl.Validation.Cells;

namespace GateDsl.Validation.Tests.Cells;

/// <summary>
/// <see cref="CellLawValidation"/> (<c>gatec validate --cell</c>) on the standard cells: the compiled
/// stochastic cells pass against the laws the compiler inferred, at the quick size and fixed seeds;
/// a wrong Gamma sampler and an evaluation step that samples are caught.
/// </summary>
public sealed class CellLawValidationTests
{
    /// <summary>
    /// The false-failure budget of one cell's run (split by the run over its statistical checks:
    /// 4e-10 / 9 = 4.4e-11 per KS or correlation check for the pair cells). Each run registers it in
    /// the ledger as it is asserted (<see cref="TestBudget.Check(bool, double, string)"/>).
    /// </summary>
    public const double PerRun = 4e-10;

    /// <summary>
    /// The miss probability the power test proves for its wrong sampler: the bound is computed in the
    /// test and asserted below this (it is far below: the doubled shapes move the CDFs by far more
    /// than the KS bounds).
    /// </summary>
    public const double PowerMiss = 1e-100;

    /// <summary>The bound on the evaluation power test's miss probability, argued at the test.</summary>
    public const double EvaluationPowerMiss = 1e-40;

    private static readonly Lazy<Compilation> Stdlib = new(() => Compilation.FromFiles([Path.Combine(RepoPaths.Root, "stdlib", "cells.gate")]));

    public static IEnumerable<object[]> StochasticCells() =>
    [
        ["BetaLSTM", 12],
        ["BBetaLSTM", 15],
        ["BBetaLSTM5G", 15],
        ["BBetaLSTM5GPrior", 15],
        ["KumaraswamyLSTM", 12],
    ];

    [Theory]
    [MemberData(nameof(StochasticCells))]
    public void A_stochastic_stdlib_cell_passes_against_its_inferred_laws(string name, int checks)
    {
        // Statistical: false-failure probability PerRun for the whole run (Bonferroni over its checks).
        var report = CellLawValidation.Run(Cell(name), SuiteSize.Quick, PerRun);

        TestBudget.Check(report.Passed, PerRun, $"gatec validate --cell {name}: {string.Join("\n", report.Results.Where(r => !r.Passed))}");
        Assert.Equal(checks, report.Results.Count);
        Assert.Empty(report.Unchecked);
        Assert.Equal(20_000, report.SampleSize);
        var statistical = report.Results.Where(r => r.IsStatistical).ToList();
        Assert.All(statistical, r => Assert.Equal(report.PerCheckFalseFailureProbability, r.FalseFailureProbability));
        Assert.InRange(report.TotalFalseFailureProbability, 0, PerRun * (1 + 1e-12));
        Assert.Equal(new[] { "small", "medium", "large" }, report.Results.Select(r => r.Setting).Distinct());
        Assert.Equal(2 * 3, report.Results.Count(r => r.Property == "law (KS)"));
        Assert.Equal(2 * 3, report.Results.Count(r => r.Property == "evaluation step = exact mean"));
    }

    [Theory]
    [InlineData("BBetaLSTM", "BivariateBeta")]
    [InlineData("BBetaLSTM5G", "BivariateBeta5")]
    public void A_correlated_pair_has_its_correlation_checked_against_the_reference(string name, string family)
    {
        // Deterministic: which checks a run makes does not depend on the draws. The draw source is the
        // correct one (factor 1) with the default seeds, so these are the draws of the statistical
        // test above; only the plan is asserted here, never a verdict, so no budget is spent.
        var report = CellLawValidation.Run(Cell(name), SuiteSize.Quick, PerRun, drawSource: seed => new ScaledGammaDrawSource(seed, 1));

        var pairs = report.Results.Where(r => r.Property == "correlation (CLT)").ToList();
        Assert.Equal(3, pairs.Count);
        Assert.All(pairs, r => Assert.Equal("(i, f)", r.Subject));
        Assert.All(pairs, r => Assert.StartsWith(family + "(", r.Law, StringComparison.Ordinal));
    }

    [Fact]
    public void The_law_parameters_are_the_inferred_sums_at_the_fixed_heads()
    {
        // Deterministic: the 5G cell's i ~ Beta(a1 + a3, a4 + a5) with a_k = softplus(head k-1) + 1e-3.
        var report = CellLawValidation.Run(Cell("BBetaLSTM5G"), SuiteSize.Quick, PerRun, drawSource: seed => new ScaledGammaDrawSource(seed, 1));
        var heads = report.Settings.Single(s => s.Name == "medium").Heads;
        double Shape(int k) => Math.Log(1 + Math.Exp(heads[k])) + 1e-3;

        var law = report.Results.First(r => r.Setting == "medium" && r.Subject == "i").Law;
        var expected = DistributionCatalogue.Get("Beta").Describe([Shape(0) + Shape(2), Shape(3) + Shape(4)]);
        Assert.Equal(expected, law);
        Assert.Equal(7, heads.Count);
        Assert.Equal(7, heads.Distinct().Count());
    }

    [Fact]
    public void G2LSTM_has_nothing_to_check_and_says_why()
    {
        var report = CellLawValidation.Run(Cell("G2LSTM"), SuiteSize.Quick, PerRun);

        Assert.False(report.HasChecks);
        Assert.Equal(new[] { "i", "f" }, report.Unchecked.Select(u => u.Gate));
        Assert.All(report.Unchecked, u => Assert.Contains("law is unknown", u.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("LSTM")]
    [InlineData("CIFG")]
    public void A_deterministic_cell_has_nothing_to_check(string name)
    {
        var report = CellLawValidation.Run(Cell(name), SuiteSize.Quick, PerRun);

        Assert.False(report.HasChecks);
        Assert.Empty(report.Unchecked);
    }

    [Fact]
    public void A_head_setting_must_give_every_head_a_value()
    {
        var setting = new HeadSetting("short", [0.5, 1.0]);

        var error = Assert.Throws<ArgumentException>(() => CellLawValidation.Run(Cell("BetaLSTM"), SuiteSize.Quick, PerRun, settings: [setting]));

        Assert.Contains("head setting short has 2 values, but cell BetaLSTM has 6 heads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Gamma_sampler_with_doubled_shapes_is_caught_by_a_law_check()
    {
        // Power: with every Gamma shape doubled, BetaLSTM's gates are Beta(2a, 2b), not Beta(a, b).
        // For each law check k, delta_k = sup |F_{2a,2b} - F_{a,b}| (on a grid: a lower bound) and c_k
        // its KS bound; the check passes only if sup |F_n - F_{2a,2b}| >= delta_k - c_k, which by
        // DKW (Massart) has probability at most 2 exp(-2 n (delta_k - c_k)^2). The settings and gates
        // draw independently, so all checks pass with probability at most the product: the test's
        // miss probability, asserted below PowerMiss and registered.
        var report = CellLawValidation.Run(Cell("BetaLSTM"), SuiteSize.Quick, PerRun, drawSource: seed => new ScaledGammaDrawSource(seed, 2));

        var laws = report.Results.Where(r => r.Property == "law (KS)").ToList();
        Assert.Equal(6, laws.Count);
        var missBound = 1.0;
        foreach (var r in laws)
        {
            var (a, b) = BetaParameters(report, r);
            var reference = new BetaReference(a, b);
            var wrong = new BetaReference(2 * a, 2 * b);
            var delta = Enumerable.Range(1, 9999).Select(k => k / 10000.0).Max(x => Math.Abs(wrong.Cdf(x) - reference.Cdf(x)));
            var margin = delta - r.Outcome.Bound;
            missBound *= margin > 0 ? Math.Min(1, 2 * Math.Exp(-2 * report.SampleSize * margin * margin)) : 1;
        }

        Assert.True(missBound <= PowerMiss, $"miss bound {missBound:G3} > {PowerMiss:G3}: the wrong sampler is too close to detect at this size");
        TestBudget.Caught(!report.Passed, PowerMiss, "gatec validate --cell power: doubled Gamma shapes");
        Assert.Contains(laws, r => !r.Passed);
    }

    [Fact]
    public void An_evaluation_step_that_samples_is_caught_by_the_exact_mean_check()
    {
        // Power: a cell whose evaluation step is its training step (it samples) while its gates say
        // exact mean. A check passes only if a continuous draw X lands within 1e-8 relative of the
        // mean m: probability at most 2e-8 m sup f near m, below 1e-7 for every law here (densities
        // at the means are below 5). Six independent draws (two gates, three settings) all pass with
        // probability below 1e-42 < EvaluationPowerMiss.
        var cell = Cell("BetaLSTM");
        var sampling = cell with { Evaluation = cell.Training };

        var report = CellLawValidation.Run(sampling, SuiteSize.Quick, PerRun, drawSource: seed => new ScaledGammaDrawSource(seed, 1));

        var evaluation = report.Results.Where(r => r.Property == "evaluation step = exact mean").ToList();
        Assert.Equal(6, evaluation.Count);
        TestBudget.Caught(evaluation.Any(r => !r.Passed), EvaluationPowerMiss, "gatec validate --cell power: an evaluation step that samples");
    }

    private static IrCell Cell(string name)
    {
        var compilation = Stdlib.Value;
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return Assert.Single(compilation.IrCells, c => c.Name == name);
    }

    private static (double A, double B) BetaParameters(CellLawReport report, CellCheckResult result)
    {
        // The law text is Beta(a = ..., b = ...) of the catalogue; read the numbers back from the IR instead.
        var cell = Cell(report.Cell);
        var gate = cell.Gate(result.Subject);
        var heads = report.Settings.Single(s => s.Name == result.Setting).Heads;
        var p = gate.Law!.Parameters.Select(i => Evaluate(cell.Training, i, heads)).ToArray();
        return (p[0], p[1]);
    }

    private static double Evaluate(IrProgram program, int index, IReadOnlyList<double> heads) => program.Nodes[index] switch
    {
        IrHead h => heads[h.Index],
        IrConstant c => c.Value,
        IrLink l => Language.Binding.BuiltinFunctions.Evaluate(l.Function, Evaluate(program, l.Operand, heads)),
        IrBinary b => Language.Binding.BinaryOperators.Evaluate(b.Operator, Evaluate(program, b.Left, heads), Evaluate(program, b.Right, heads)),
        var other => throw new InvalidOperationException($"unexpected {other} in a law parameter"),
    };
}
