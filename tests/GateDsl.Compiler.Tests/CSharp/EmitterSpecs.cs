using System.Reflection;
using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>
/// The specs whose cells the emitter tests compile: the standard library's cells, and
/// <see cref="FeaturesText"/>, cells that reach every instruction and path of the IR the standard
/// cells leave out. Each spec's cells are emitted and compiled by Roslyn once, into one assembly.
/// </summary>
internal sealed class EmitterSpecs
{
    /// <summary>
    /// Negation, exp, log, a number over a value, powers both ways, Normal and Uniform draws with learned
    /// parameters, the mode of a law and of a learned Bernoulli at evaluation, a prior with a closed form
    /// and one without (Monte Carlo), <c>evaluate sample</c>, a constant gate, and names the emitted class
    /// uses itself (a cell called Draw, lets called z, kl, step and Head).
    /// </summary>
    public const string FeaturesText = """
        import "distributions.gate"

        // The mode of the marginals of a joint law at evaluation; exp and negation.
        cell JointMode {
          let a0 = softplus(linear) + 1
          let a1 = exp(linear) + 1
          let a2 = softplus(linear) + 0.5
          gate (i, f) ~ BivariateBeta(a1, a0, a2)
          gate o = sigmoid(-linear)
          candidate = tanh(linear)
          evaluate mode
        }

        // Normal and Uniform draws with learned parameters, powers both ways, a number over a value, log.
        cell Arithmetic {
          draw n ~ Normal(linear, softplus(linear) + 0.1)
          draw u ~ Uniform()
          let p = 2 ^ tanh(linear)
          gate i = sigmoid(n / p - 3 / (1 + u))
          gate f = sigmoid(log(1 + u) * softplus(linear) ^ 2)
          gate o = sigmoid(linear)
          candidate = tanh(linear * (0.5 - u))
          evaluate mean
        }

        // A learned Bernoulli switch; its mode at evaluation.
        cell Switch {
          draw use ~ Bernoulli(sigmoid(linear))
          draw noise ~ Logistic()
          gate i = sigmoid(linear + use * noise)
          gate f = sigmoid(linear)
          gate o = sigmoid(linear)
          candidate = tanh(linear)
          evaluate mode
        }

        // A prior without a closed form (Kumaraswamy || Kumaraswamy: Monte Carlo), sampled at evaluation.
        cell KumaraswamyPrior {
          gate i ~ Kumaraswamy(softplus(linear) + 0.5, softplus(linear) + 0.5)
          gate f = 1 - i
          gate o = sigmoid(linear)
          candidate = tanh(linear)
          prior i ~ Kumaraswamy(1, 1) weight 0.01
          evaluate sample
        }

        // A constant gate, and a Beta prior on a Beta gate.
        cell ConstantGate {
          gate i ~ Beta(softplus(linear) + 0.1, softplus(linear) + 0.1)
          gate f = 0.5
          gate o = sigmoid(linear)
          candidate = tanh(linear)
          prior i ~ Beta(2, 2) weight 0.1
        }

        // Names the emitted class uses itself: the class becomes DrawCell, the locals z_, kl_, step_, Head_.
        cell Draw {
          let z = softplus(linear) + 1
          let kl = softplus(linear) + 1
          let step = z + kl
          let Head = z / step
          draw g ~ Gamma(Head)
          gate i = g / (g + 1)
          gate f = sigmoid(linear)
          gate o = sigmoid(linear)
          candidate = tanh(linear)
        }
        """;

    private static readonly Lazy<EmitterSpecs> LazyStdlib = new(() => new EmitterSpecs(GateCompiler.Compile(StdlibPath("cells.gate")), "EmittedStdlib"));
    private static readonly Lazy<EmitterSpecs> LazyFeatures = new(() => new EmitterSpecs(GateCompiler.CompileText(FeaturesText, "features.gate"), "EmittedFeatures"));

    private readonly Lazy<Assembly> _assembly;

    private EmitterSpecs(CompiledSpec spec, string assemblyName)
    {
        Assert.False(spec.HasErrors, string.Join("\n", spec.Diagnostics));
        Spec = spec;
        Sources = spec.CellNames.ToDictionary(name => name, name => CSharpEmitter.Emit(spec, name));
        _assembly = new(() => RoslynBuild.Compile(Sources.Values, assemblyName).Assembly
            ?? throw new InvalidOperationException($"{assemblyName} did not compile; the per-cell compile tests say why"));
    }

    /// <summary>The standard library's cells.</summary>
    public static EmitterSpecs Stdlib => LazyStdlib.Value;

    /// <summary>The cells of <see cref="FeaturesText"/>.</summary>
    public static EmitterSpecs Features => LazyFeatures.Value;

    /// <summary>The compiled spec.</summary>
    public CompiledSpec Spec { get; }

    /// <summary>The emitted source of each cell, by cell name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The cell names of the standard library (for theories).</summary>
    public static IEnumerable<string> StdlibCellNames => ["LSTM", "CIFG", "G2LSTM", "BetaLSTM", "BBetaLSTM", "BBetaLSTM5G", "BBetaLSTM5GPrior", "KumaraswamyLSTM"];

    /// <summary>The cell names of <see cref="FeaturesText"/> (for theories).</summary>
    public static IEnumerable<string> FeatureCellNames => ["JointMode", "Arithmetic", "Switch", "KumaraswamyPrior", "ConstantGate", "Draw"];

    /// <summary>A file of the repository's stdlib folder (found above the test binaries).</summary>
    public static string StdlibPath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GateDsl.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("GateDsl.sln not found above " + AppContext.BaseDirectory), "stdlib", file);
    }

    /// <summary>A new emitted module of the cell, its weights drawn from <paramref name="generator"/>.</summary>
    public EmittedCell Create(string cellName, long inputSize, long hiddenSize, TorchSharp.torch.Generator? generator)
    {
        var type = _assembly.Value.GetType(CSharpEmitOptions.DefaultNamespace + "." + CSharpEmitter.ClassName(cellName), throwOnError: true)!;
        return new EmittedCell(Activator.CreateInstance(type, inputSize, hiddenSize, generator)!);
    }
}
