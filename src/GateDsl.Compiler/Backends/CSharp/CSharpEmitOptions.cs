namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>How <see cref="CSharpEmitter"/> names what it writes.</summary>
public sealed record CSharpEmitOptions
{
    /// <summary>The namespace used when none is given.</summary>
    public const string DefaultNamespace = "GateDsl.Generated";

    /// <summary>The namespace of the emitted class: dotted C# names (<see cref="CSharpNames.NamespaceProblem"/>).</summary>
    public string Namespace { get; init; } = DefaultNamespace;
}
