using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>
/// The emitted file on its own: it compiles with Roslyn against the runtime, TorchSharp and
/// GateDsl.Distributions only, without a warning (XML docs included), and has the shape the docs
/// promise for cells with and without draws.
/// </summary>
public sealed class EmittedCodeTests
{
    public static TheoryData<string> StdlibCells() => new(EmitterSpecs.StdlibCellNames);

    public static TheoryData<string> FeatureCells() => new(EmitterSpecs.FeatureCellNames);

    [Theory]
    [MemberData(nameof(StdlibCells))]
    public void Emitted_stdlib_cell_compiles_alone_against_TorchSharp_and_the_distributions_only(string cell) =>
        AssertStandalone(EmitterSpecs.Stdlib, cell);

    [Theory]
    [MemberData(nameof(FeatureCells))]
    public void Emitted_cell_compiles_alone_against_TorchSharp_and_the_distributions_only(string cell) =>
        AssertStandalone(EmitterSpecs.Features, cell);

    [Fact]
    public void The_build_of_these_tests_reports_missing_docs_and_foreign_references()
    {
        var undocumented = "namespace N; public sealed class C { public int X => 1; }";
        var (_, missingDocs) = RoslynBuild.Compile([undocumented], "Undocumented");
        Assert.Contains(missingDocs, d => d.Id == "CS1591");

        var foreign = "namespace N; /// <summary>S.</summary>\npublic static class C { /// <summary>S.</summary>\npublic static object X => typeof(GateDsl.Compiler.GateCompiler); }";
        var (assembly, errors) = RoslynBuild.Compile([foreign], "Foreign");
        Assert.Null(assembly);
        Assert.Contains(errors, d => d.Id == "CS0234");
    }

    [Fact]
    public void A_cell_that_draws_nothing_has_one_step_no_draw_hook_and_no_distributions()
    {
        var lstm = EmitterSpecs.Stdlib.Sources["LSTM"];
        Assert.Contains("private (Tensor I, Tensor F, Tensor O, Tensor Candidate) Step(Tensor z)", lstm);
        Assert.Contains("var (i, f, o, candidate) = Step(z);", lstm);
        Assert.DoesNotContain("EvaluationStep", lstm);
        Assert.DoesNotContain("DrawFunction", lstm);
        Assert.DoesNotContain("using GateDsl.Distributions;", lstm);
        Assert.Contains("var f = 1.0 - i;", EmitterSpecs.Stdlib.Sources["CIFG"]);
    }

    [Fact]
    public void Evaluate_sample_shares_one_step_that_draws()
    {
        var source = EmitterSpecs.Features.Sources["KumaraswamyPrior"];
        Assert.Contains("private (Tensor I, Tensor F, Tensor O, Tensor Candidate, Tensor Kl) Step(Tensor z, long step)", source);
        Assert.Contains("var (i, f, o, candidate, kl) = Step(z, step);", source);
        Assert.Contains("MonteCarloKl(posterior_i, prior_i)", source);
    }

    [Fact]
    public void Locals_are_named_after_the_spec_and_gates_quote_their_source_line()
    {
        var source = EmitterSpecs.Stdlib.Sources["BBetaLSTM5G"];
        Assert.Contains("// cells.gate, line 62: draw g[1..5] ~ Gamma(softplus(linear) + eps)", source);
        Assert.Contains("var g3_log = Sample(step, 2, \"LogGamma\", shape_g3);", source);
        Assert.Contains("// cells.gate, line 63: gate i = (g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])", source);
        Assert.Contains("var i = Ratio(2, g1_log, g3_log, g5_log, g4_log);", source);
        Assert.Contains("// i at evaluation: exact mean", source);

        var renamed = EmitterSpecs.Features.Sources["Draw"];
        Assert.Contains("public sealed class DrawCell :", renamed);
        Assert.Contains("var step_ = z_ + kl_;", renamed);
        Assert.Contains("var g = Sample(step, 0, \"Gamma\", Head_, Full(1.0, z));", renamed);
    }

    [Fact]
    public void Output_is_deterministic_and_the_namespace_is_the_one_given()
    {
        var spec = EmitterSpecs.Stdlib.Spec;
        var first = CSharpEmitter.Emit(spec, "BBetaLSTM");
        Assert.Equal(first, CSharpEmitter.Emit(GateCompiler.Compile(EmitterSpecs.StdlibPath("cells.gate")), "BBetaLSTM"));
        var other = CSharpEmitter.Emit(spec, "BBetaLSTM", new CSharpEmitOptions { Namespace = "My.Cells" });
        Assert.Equal(first.Replace("namespace GateDsl.Generated;", "namespace My.Cells;", StringComparison.Ordinal), other);
        Assert.DoesNotContain('\r', first);
        Assert.Throws<ArgumentException>(() => CSharpEmitter.Emit(spec, "BBetaLSTM", new CSharpEmitOptions { Namespace = "My.class" }));
        Assert.Throws<ArgumentException>(() => CSharpEmitter.Emit(spec, "NoSuchCell"));
    }

    [Fact]
    public void Hyperparameters_given_at_emission_are_folded_into_the_code()
    {
        var spec = EmitterSpecs.Stdlib.Spec;
        var source = CSharpEmitter.Emit(spec, "G2LSTM", hyperParameters: new Dictionary<string, double> { ["temperature"] = 2.5 });
        Assert.Contains("Hyperparameters, folded into the code: p = 0.2 (default), temperature = 2.5.", source);
        Assert.Contains("/ 2.5", source);
        RoslynBuild.CompileClean(source, "G2LSTMWarm");
    }

    private static void AssertStandalone(EmitterSpecs specs, string cell)
    {
        var assembly = RoslynBuild.CompileClean(specs.Sources[cell], "Standalone" + cell);
        var libraries = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name is not "netstandard" and not "mscorlib")
            .ToList();
        Assert.Contains("TorchSharp", libraries);
        Assert.All(libraries, name => Assert.Contains(name, RoslynBuild.AllowedLibraries));
    }
}
