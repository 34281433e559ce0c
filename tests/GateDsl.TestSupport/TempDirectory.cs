namespace GateDsl.TestSupport;

/// <summary>A fresh folder for the files a test writes, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder under the system's temp path.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gatedsl-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (creating subfolders named in <paramref name="name"/>) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var full = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Deletes the folder (best effort: a leftover temp folder is harmless).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
