namespace GateDsl.TestSupport;

/// <summary>Finds the repository from the test binaries: the folder above them that holds GateDsl.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository's root folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A file of the standard library (stdlib/).</summary>
    public static string Stdlib(string file) => Path.Combine(Root, "stdlib", file);

    /// <summary>A file of the examples (examples/).</summary>
    public static string Examples(string file) => Path.Combine(Root, "examples", file);

    /// <summary>The shared JSB Chorales copy (<c>../shared/data/jsb-chorales-quarter.json</c> from the repository).</summary>
    public static string SharedJsb => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "jsb-chorales-quarter.json"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GateDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no GateDsl.sln above {AppContext.BaseDirectory}");
    }
}
