using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>
/// The emitted C# of BBetaLSTM5GPrior (draws, a fused step, priors with closed-form KL, an exact-mean
/// evaluation step) against <c>CSharp/Golden/BBetaLSTM5GPrior.cs.expected</c> in the source tree. Run
/// with GATEDSL_UPDATE_GOLDEN=1 to rewrite the expected file on purpose, then review the diff.
/// </summary>
public sealed class EmitterGoldenTests
{
    private const string UpdateVariable = "GATEDSL_UPDATE_GOLDEN";

    [Fact]
    public void Emitted_BBetaLSTM5GPrior_matches_its_golden_file()
    {
        var actual = CSharpEmitter.Emit(EmitterSpecs.Stdlib.Spec, "BBetaLSTM5GPrior");
        var path = ExpectedPath("BBetaLSTM5GPrior");
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"rewrote {path}: review the diff, then run again without {UpdateVariable}");
        }

        Assert.True(expected is not null, $"{path} is missing: run with {UpdateVariable}=1 to create it, then review it.\nactual:\n{actual}");
        Assert.Equal(expected, actual);
    }

    /// <summary>The expected file in the source tree (not a copy in bin/), so that rewriting it changes the sources.</summary>
    private static string ExpectedPath(string cell)
    {
        var stdlib = EmitterSpecs.StdlibPath("cells.gate");
        var root = Path.GetDirectoryName(Path.GetDirectoryName(stdlib))!;
        return Path.Combine(root, "tests", "GateDsl.Compiler.Tests", "CSharp", "Golden", cell + ".cs.expected");
    }
}
