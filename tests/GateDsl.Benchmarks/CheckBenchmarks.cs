using BenchmarkDotNet.Attributes;
using GateDsl.Compiler;
using GateDsl.Language;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;
using GateDsl.Language.Tests.Generators;

namespace GateDsl.Benchmarks;

/// <summary>
/// The front end on a generated 10,000-line spec (LargeSpec: stdlib-shaped distributions and cells,
/// each block with its own names): parsing alone, the full check (<see cref="Compilation.FromText"/>,
/// parse plus whatever binding the build has) and formatting an already parsed tree. Run with
/// <c>dotnet run -c Release --project tests/GateDsl.Benchmarks -- --filter '*CheckBenchmarks*'</c>.
/// LargeSpec.cs lives in the language tests and is linked into this project.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string text = string.Empty;
    private SyntaxTree tree = null!;

    /// <summary>Generates the spec once; the same seed gives the same file on every run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        text = LargeSpec.Generate(minimumLines: 10_000);
        tree = SyntaxTree.Parse(text, "large.gate");
        if (tree.HasErrors)
        {
            throw new InvalidOperationException("The generated spec has syntax errors: " + tree.Diagnostics[0]);
        }
    }

    /// <summary>Lexing, parsing and mapping to the syntax tree.</summary>
    [Benchmark(Baseline = true)]
    public SyntaxTree Parse() => SyntaxTree.Parse(text, "large.gate");

    /// <summary>Everything <c>gatec check</c> does for one file in memory.</summary>
    [Benchmark]
    public int Check() => Compilation.FromText(text, "large.gate").Diagnostics.Count;

    /// <summary>The formatter alone, on a tree parsed in setup.</summary>
    [Benchmark]
    public string Format() => GateFormatter.Format(tree);
}
