namespace GateDsl.Training.Data;

/// <summary>
/// Where fetched data sets live: <c>$GATEDSL_CACHE</c> when set, otherwise the OS cache folder plus
/// <c>gatedsl</c> (Linux: <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>; macOS: <c>~/Library/Caches</c>;
/// Windows: the local application data folder). Nothing is ever written into the repository.
/// </summary>
public static class DataCache
{
    /// <summary>The environment variable that overrides the cache folder.</summary>
    public const string EnvironmentVariable = "GATEDSL_CACHE";

    /// <summary>The cache folder (it may not exist yet).</summary>
    public static string Root
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "gatedsl", "cache");
            }

            if (OperatingSystem.IsMacOS())
            {
                return Path.Combine(home, "Library", "Caches", "gatedsl");
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".cache") : xdg, "gatedsl");
        }
    }
}
