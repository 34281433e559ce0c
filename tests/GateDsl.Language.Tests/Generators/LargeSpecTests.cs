using GateDsl.Compiler;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// The large spec behind the speed measurements (tests/GateDsl.Benchmarks, CheckBenchmarks) is what
/// it claims to be: 10,000+ lines, free of errors, already canonical, and the same every time.
/// </summary>
public sealed class LargeSpecTests
{
    [Fact]
    public void TheLargeSpecIsValidCanonicalAndLongEnough()
    {
        var text = LargeSpec.Generate();
        Assert.True(text.Count(c => c == '\n') >= 10_000, "at least 10,000 lines");
        var compilation = Compilation.FromText(text, "large.gate");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal(text, GateFormatter.Format(SyntaxTree.Parse(text, "large.gate")));
        Assert.Equal(text, LargeSpec.Generate());
    }
}
