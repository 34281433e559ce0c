using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>
/// Compiles emitted C# in memory with Roslyn against the .NET runtime's own assemblies, TorchSharp
/// and GateDsl.Distributions, and nothing else: a class that used the GateDsl compiler (or any other
/// GateDsl assembly) would not compile. XML documentation is checked too (missing or malformed docs
/// are warnings, and a test wants none).
/// </summary>
internal static class RoslynBuild
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(References);

    /// <summary>The assemblies the emitted code may use, by name (the runtime's are not listed).</summary>
    public static IReadOnlyList<string> AllowedLibraries { get; } = ["TorchSharp", "GateDsl.Distributions"];

    /// <summary>The compiled assembly of one or more files, loaded, with every warning and error Roslyn reported.</summary>
    public static (Assembly? Assembly, ImmutableArray<Diagnostic> Diagnostics) Compile(IEnumerable<string> sources, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = sources.Select((source, k) => CSharpSyntaxTree.ParseText(source, parse, path: $"{assemblyName}.{k}.cs")).ToArray();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true);
        var compilation = CSharpCompilation.Create(assemblyName, trees, LazyReferences.Value, options);
        using var image = new MemoryStream();
        using var documentation = new MemoryStream();
        var result = compilation.Emit(image, xmlDocumentationStream: documentation);
        var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (result.Success ? Assembly.Load(image.ToArray()) : null, diagnostics);
    }

    /// <summary>Compiles, failing the test on any warning or error (they are listed in the message).</summary>
    public static Assembly CompileClean(string source, string assemblyName)
    {
        var (assembly, diagnostics) = Compile([source], assemblyName);
        Assert.True(diagnostics.IsEmpty && assembly is not null, $"the emitted {assemblyName} does not compile cleanly:\n" + string.Join("\n", diagnostics));
        return assembly!;
    }

    private static ImmutableArray<MetadataReference> References()
    {
        // The runtime's reference set: the trusted platform assemblies that live in the shared
        // framework folder (System.*, Microsoft.*, netstandard), not the test's own dependencies.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework);
        var libraries = new[] { typeof(TorchSharp.torch).Assembly.Location, typeof(GateDsl.Distributions.Gamma).Assembly.Location };
        return runtime.Concat(libraries).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
