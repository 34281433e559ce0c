namespace GateDsl.Training.Tests;

/// <summary>Finds the repository (the folder above the test binaries that holds GateDsl.sln) and the shared data next to it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Stdlib(string file) => Path.Combine(Root, "stdlib", file);

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
