namespace GateDsl.Packaging.Tests;

/// <summary>Finds the repository from the test binaries: the folder above them that holds GateDsl.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

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
