using GateDsl.Compiler;

namespace GateDsl.Cli.Tests;

/// <summary>
/// Golden files of <c>gatec describe stdlib/cells.gate --cell NAME --ir</c>, one per standard cell,
/// under <c>Golden/describe-ir/NAME.expected</c> in the source tree. Run with GATEDSL_UPDATE_GOLDEN=1
/// to rewrite them on purpose, then review the diff (the convention of the Language tests' golden
/// diagnostics).
/// </summary>
public sealed class DescribeIrGoldenTests
{
    private const string UpdateVariable = "GATEDSL_UPDATE_GOLDEN";

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "GateDsl.Cli.Tests", "Golden", "describe-ir");

    public static IEnumerable<object[]> StdlibCells() => CellNames().Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(StdlibCells))]
    public void Describe_ir_of_a_stdlib_cell_matches_its_golden_file(string cell)
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--cell", cell, "--ir");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var actual = result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(Folder, cell + ".expected");
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

    [Fact]
    public void Every_golden_file_is_a_stdlib_cell()
    {
        var files = Directory.EnumerateFiles(Folder, "*.expected").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

        Assert.Equal(CellNames().Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Describing_every_cell_prints_each_cells_ir_once_separated_by_blank_lines()
    {
        var result = Gatec.Run("describe", RepoPaths.Stdlib("cells.gate"), "--ir");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var expected = string.Join("\n", CellNames().Select(c => File.ReadAllText(Path.Combine(Folder, c + ".expected")).Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.Equal(expected, result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> CellNames() =>
        Compilation.FromFiles(new[] { RepoPaths.Stdlib("cells.gate") }).Cells.Select(c => c.Name).ToList();
}
