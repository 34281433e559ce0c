using System.Runtime.InteropServices;
using System.Text;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// The build step of build/TorchSharpNativeFix.targets: the test output's copy of libLibTorchSharp.so
/// has its GLIBCXX_3.4.32 requirement marked weak exactly when this machine's libstdc++ lacks that
/// version, and the NuGet cache's copy is never modified. (That TorchSharp loads at all is shown by
/// every other test in this project.)
/// </summary>
public sealed class NativeFixTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void OutputCopyIsWeakExactlyWhenLibStdCxxLacksTheVersionAndCacheIsUntouched()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            // The step only runs on Linux; elsewhere the output copy is the package's file.
            Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so.gatedsl-tmp")));
            return;
        }

        var output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(output), $"missing {output}");
        var libStdCxx = new[] { "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6" }
            .First(File.Exists);
        var machineHasVersion = Contains(File.ReadAllBytes(libStdCxx), "\0" + Version + "\0");

        var outputFlags = VernauxFlags(File.ReadAllBytes(output), Version);
        Assert.NotNull(outputFlags);
        Assert.Equal(!machineHasVersion, (outputFlags!.Value & 2) != 0);

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (File.Exists(cached))
        {
            Assert.Equal((ushort)0, VernauxFlags(File.ReadAllBytes(cached), Version));
        }
    }

    private static bool Contains(byte[] haystack, string needle)
        => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    /// <summary>vna_flags of the named version requirement in .gnu.version_r (ELF64 little-endian), or null.</summary>
    private static ushort? VernauxFlags(byte[] b, string name)
    {
        var span = b.AsSpan();
        var shoff = (long)BitConverter.ToUInt64(span[0x28..]);
        int shentsize = BitConverter.ToUInt16(span[0x3A..]);
        int shnum = BitConverter.ToUInt16(span[0x3C..]);
        for (var i = 0; i < shnum; i++)
        {
            var sh = (int)(shoff + i * shentsize);
            if (BitConverter.ToUInt32(span[(sh + 4)..]) != 0x6ffffffe)
            {
                continue;
            }

            var offset = (int)BitConverter.ToUInt64(span[(sh + 24)..]);
            var link = (int)BitConverter.ToUInt32(span[(sh + 40)..]);
            var strtab = (int)BitConverter.ToUInt64(span[(int)(shoff + link * shentsize + 24)..]);
            var vn = offset;
            while (true)
            {
                int count = BitConverter.ToUInt16(span[(vn + 2)..]);
                var aux = vn + (int)BitConverter.ToUInt32(span[(vn + 8)..]);
                for (var k = 0; k < count; k++)
                {
                    var nameOffset = strtab + (int)BitConverter.ToUInt32(span[(aux + 8)..]);
                    var end = span[nameOffset..].IndexOf((byte)0);
                    if (Encoding.ASCII.GetString(span.Slice(nameOffset, end)) == name)
                    {
                        return BitConverter.ToUInt16(span[(aux + 4)..]);
                    }

                    aux += (int)BitConverter.ToUInt32(span[(aux + 12)..]);
                }

                var next = BitConverter.ToUInt32(span[(vn + 12)..]);
                if (next == 0)
                {
                    return null;
                }

                vn += (int)next;
            }
        }

        return null;
    }
}
