using System.Text.RegularExpressions;
using GateDsl.Language.Diagnostics;

namespace GateDsl.Language.Tests;

/// <summary>
/// Golden diagnostics: every <c>Golden/&lt;topic&gt;/&lt;case&gt;.gate</c> is compiled and its rendered
/// diagnostics compared with <c>&lt;case&gt;.expected</c>. Run with GATEDSL_UPDATE_GOLDEN=1 to rewrite the
/// expected files on purpose (see Golden/README.md).
/// </summary>
public sealed class GoldenTests
{
    public static IEnumerable<object[]> Cases() => GoldenCases.All().Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var actual = GoldenCases.Run(name);
        var expectedPath = GoldenCases.ExpectedPath(name);
        var expected = File.Exists(expectedPath) ? GoldenCases.Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected == actual)
        {
            return;
        }

        if (GoldenCases.Updating)
        {
            File.WriteAllText(expectedPath, actual);
            Assert.Fail($"rewrote {expectedPath}: review the diff, then run again without {GoldenCases.UpdateVariable}");
        }

        Assert.True(expected is not null, $"{expectedPath} is missing: run with {GoldenCases.UpdateVariable}=1 to create it, then review it.\nactual:\n{actual}");
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Codes a golden case file cannot produce: the internal-error safety net, and a given file
    /// that cannot be read (a case file is always readable; ImportTests covers that path).
    /// </summary>
    private static readonly HashSet<string> NotReachableFromACaseFile = new(StringComparer.Ordinal)
    {
        DiagnosticCatalog.InternalError.Code,
        DiagnosticCatalog.FileUnreadable.Code,

        // Reported by gatec sample when a sampler rejects a value at run time (tests/GateDsl.Cli.Tests).
        DiagnosticCatalog.ParameterValueRejected.Code,
    };

    [Fact]
    public void Every_catalogue_code_has_a_golden_case()
    {
        var covered = GoldenCases.All()
            .Select(GoldenCases.ExpectedPath)
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Select(line => Regex.Match(line, @"\): (?:error|warning) (GATE\d{4}): "))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var missing = DiagnosticCatalog.All
            .Select(d => d.Code)
            .Where(code => !NotReachableFromACaseFile.Contains(code) && !covered.Contains(code))
            .ToList();

        Assert.True(missing.Count == 0, "no golden case expects " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_case_says_what_it_tests_in_its_first_line()
    {
        var silent = GoldenCases.All()
            .Where(name => !File.ReadLines(GoldenCases.SpecPath(name)).FirstOrDefault()?.TrimStart().StartsWith("//", StringComparison.Ordinal) ?? true)
            .ToList();

        Assert.True(silent.Count == 0, "cases without a leading // comment: " + string.Join(", ", silent));
    }

    [Fact]
    public void Expected_lines_name_their_case_file_or_a_helper()
    {
        foreach (var name in GoldenCases.All().Where(n => File.Exists(GoldenCases.ExpectedPath(n))))
        {
            var caseFile = Path.GetFileName(GoldenCases.SpecPath(name));
            foreach (var line in File.ReadAllLines(GoldenCases.ExpectedPath(name)).Where(l => l.Length > 0))
            {
                Assert.True(
                    line.StartsWith(caseFile + "(", StringComparison.Ordinal) || line.StartsWith('_'),
                    $"{name}.expected: '{line}' names neither {caseFile} nor a _helper file");
            }
        }
    }
}
