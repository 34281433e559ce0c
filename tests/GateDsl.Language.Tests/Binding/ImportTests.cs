using GateDsl.Compiler;
namespace GateDsl.Language.Tests.Binding;

/// <summary>Import resolution: relative files, the embedded stdlib, cycles, missing and duplicate imports.</summary>
public sealed class ImportTests
{
    [Fact]
    public void Cycle_is_reported_at_the_import_that_closes_it()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.gate", "import \"b.gate\"\n");
        dir.Write("b.gate", "// b\nimport \"a.gate\"\n");
        var compilation = Compilation.FromFiles(new[] { a });
        var cycle = Assert.Single(compilation.Diagnostics, d => d.Code == "GATE0102");
        Assert.Equal("import cycle: a.gate -> b.gate -> a.gate", cycle.Message);
        Assert.EndsWith("b.gate", cycle.Source.Path);
        Assert.Equal((2, 8), (cycle.Start.Line, cycle.Start.Column));
        Assert.Equal(2, compilation.SyntaxTrees.Count);
    }

    [Fact]
    public void Self_import_is_a_cycle()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("self.gate", "import \"self.gate\"\n");
        var cycle = Assert.Single(Compilation.FromFiles(new[] { a }).Diagnostics);
        Assert.Equal("GATE0102", cycle.Code);
        Assert.Contains("self.gate -> self.gate", cycle.Message);
    }

    [Fact]
    public void Names_flow_through_imports_transitively_and_files_are_parsed_once()
    {
        using var dir = new TempDirectory();
        dir.Write("lib/laws.gate", "import \"distributions.gate\"\ndistribution Half(a: Positive) {\n  draw b ~ Beta(a, a)\n  value b * 0.5\n}\n");
        dir.Write("lib/more.gate", "import \"laws.gate\"\nconst k = 2\n");
        var main = dir.Write("main.gate",
            "import \"lib/more.gate\"\nimport \"lib/laws.gate\"\ncell C {\n  gate i ~ Half(k)\n  gate f ~ Beta(k, k)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");
        var compilation = Compilation.FromFiles(new[] { main });
        Assert.True(compilation.Diagnostics.Count == 0, BindingAssert.Render(compilation.Diagnostics));
        Assert.Equal(4, compilation.SyntaxTrees.Count); // main, more, laws, stdlib/distributions.gate
        var cell = Assert.Single(compilation.Cells);
        Assert.Equal(new[] { "i.b.u", "i.b.v", "f.u", "f.v" }, cell.Draws.Select(d => d.Name));
    }

    [Fact]
    public void A_local_file_wins_over_the_stdlib()
    {
        using var dir = new TempDirectory();
        dir.Write("distributions.gate", "const mine = 0.5\n");
        var main = dir.Write("main.gate", "import \"distributions.gate\"\ncell C {\n  gate i = mine\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");
        var compilation = Compilation.FromFiles(new[] { main });
        Assert.True(compilation.Diagnostics.Count == 0, BindingAssert.Render(compilation.Diagnostics));
    }

    [Fact]
    public void Missing_import_names_where_it_looked()
    {
        var diagnostic = BindingAssert.Has("import \"nowhere.gate\"\n", "GATE0101", 1, 8);
        Assert.Contains("cannot find import \"nowhere.gate\"", diagnostic.Message);
        Assert.Contains("the standard library", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_import_is_a_warning()
    {
        var diagnostic = BindingAssert.Has("import \"distributions.gate\"\nimport \"distributions.gate\"\n", "GATE0104", 2, 8);
        Assert.Equal(Diagnostics.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Unreadable_import_is_reported()
    {
        using var dir = new TempDirectory();
        // A dangling symbolic link exists as a directory entry but cannot be read.
        var link = System.IO.Path.Combine(dir.Path, "broken.gate");
        File.CreateSymbolicLink(link, System.IO.Path.Combine(dir.Path, "missing-target.gate"));
        var main = dir.Write("main.gate", "import \"broken.gate\"\n");
        var diagnostic = Assert.Single(Compilation.FromFiles(new[] { main }).Diagnostics);
        Assert.Equal("GATE0103", diagnostic.Code);
        Assert.Equal((1, 8), (diagnostic.Start.Line, diagnostic.Start.Column));
    }

    [Fact]
    public void Unreadable_given_file_is_a_diagnostic_not_an_exception()
    {
        var compilation = Compilation.FromFiles(new[] { "/definitely/not/here.gate" });
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("GATE0105", diagnostic.Code);
    }

    [Fact]
    public void Same_name_from_two_imports_clashes()
    {
        using var dir = new TempDirectory();
        dir.Write("x.gate", "const k = 2\n");
        dir.Write("y.gate", "const k = 3\n");
        var main = dir.Write("main.gate", "import \"x.gate\"\nimport \"y.gate\"\n");
        var clash = Assert.Single(Compilation.FromFiles(new[] { main }).Diagnostics, d => d.Code == "GATE0202");
        Assert.Contains("constant 'k' is already defined at", clash.Message);
    }
}
