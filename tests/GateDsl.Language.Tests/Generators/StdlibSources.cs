using System.Reflection;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Generators;

/// <summary>The stdlib files as shipped (embedded in the language assembly), for tests that start from real specs.</summary>
public static class StdlibSources
{
    /// <summary>The names of the shipped files.</summary>
    public static readonly string[] Names = { "distributions.gate", "cells.gate" };

    /// <summary>The text of one stdlib file.</summary>
    public static string Read(string name)
    {
        var assembly = typeof(SyntaxTree).Assembly;
        using var stream = assembly.GetManifestResourceStream("stdlib/" + name)
            ?? throw new InvalidOperationException($"stdlib/{name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
