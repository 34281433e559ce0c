namespace GateDsl.Compiler.Tests.Backend;

/// <summary>stdlib/cells.gate compiled once for the backend tests; fails the test on any diagnostic.</summary>
internal static class StdlibCells
{
    private static readonly Lazy<CompiledSpec> Compiled = new(() => GateCompiler.Compile(Path.Combine(UserLawTests.RepoRoot(), "stdlib", "cells.gate")));

    public static CompiledSpec Spec
    {
        get
        {
            var spec = Compiled.Value;
            Assert.True(spec.Diagnostics.Count == 0, string.Join("\n", spec.Diagnostics));
            return spec;
        }
    }
}
