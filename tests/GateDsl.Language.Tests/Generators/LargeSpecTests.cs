using System.Diagnostics;
using System.Globalization;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;
using Xunit.Abstractions;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// The large spec behind the speed measurements is what it claims to be (10,000+ lines, valid,
/// canonical), and a quick Stopwatch timing of the front end on it, printed, never asserted:
/// <c>dotnet test -c Release --filter LargeSpecTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class LargeSpecTests
{
    private readonly ITestOutputHelper _output;

    public LargeSpecTests(ITestOutputHelper output) => _output = output;

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

    [Fact]
    public void TimesTheFrontEndOnTheLargeSpec()
    {
        var text = LargeSpec.Generate();
        var tree = SyntaxTree.Parse(text, "large.gate");

        // Warm-up: tiered JIT and ANTLR's prediction cache settle over the first runs.
        for (var k = 0; k < 5; k++)
        {
            SyntaxTree.Parse(text, "large.gate");
            Compilation.FromText(text, "large.gate");
            GateFormatter.Format(tree);
        }

        var parse = Median(() => SyntaxTree.Parse(text, "large.gate"));
        var check = Median(() => Compilation.FromText(text, "large.gate"));
        var format = Median(() => GateFormatter.Format(tree));
        var lines = text.Count(c => c == '\n');
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines} lines, {text.Length} chars: parse {parse:F1} ms, check {check:F1} ms, format {format:F1} ms (median of 11 after 5 warm-up runs)"));
        Assert.True(parse > 0 && check > 0 && format > 0, "each stage was timed");
    }

    private static double Median(Action action)
    {
        var times = new List<double>();
        for (var k = 0; k < 11; k++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
