// Inline MSBuild task (RoslynCodeTaskFactory, Type="Class") used by build/TorchSharpNativeFix.targets.
// It is compiled by MSBuild at build time, not by any project, so it must stay self-contained.
//
// Why: libLibTorchSharp.so in TorchSharp 0.107.0 was linked with GCC 13 and requires the symbol
// version GLIBCXX_3.4.32 from libstdc++.so.6. Older libstdc++ (GCC 12: Debian 12, Ubuntu 22.04) stops
// at GLIBCXX_3.4.30, so the dynamic loader refuses the library. The only symbol bound to that
// version is std::ios_base_library_init(), an empty marker with no relocation against it, so marking
// that one version requirement weak (VER_FLG_WEAK) lets the loader accept the library and changes
// nothing else. See docs/torchsharp-native-fix.md.
//
// Rules this task keeps:
//  * It only edits copies in build/publish output folders, never the NuGet cache. It writes a new
//    file and renames it over the old one, so an output file that is a hard link into the cache is
//    replaced rather than edited through the link.
//  * It only acts when the machine's libstdc++ lacks GLIBCXX_3.4.32 and every other version the
//    library needs from libstdc++ is present; otherwise it reports one error that says what to do.
//    With Force (output meant for other machines, such as a dotnet tool package) it marks the
//    requirement weak without looking at this machine.
//  * It is idempotent (an entry already marked weak is left alone) and keeps the file's timestamp,
//    so MSBuild's incremental copy (same size and time) does not copy the original back next build.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class GateDslPatchTorchSharpNative : Task
{
    private const string WeakenableVersion = "GLIBCXX_3.4.32";
    private const string LibStdCxx = "libstdc++.so.6";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Copies of libLibTorchSharp.so in output folders.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Optional explicit libstdc++.so.6 to compare against instead of the one the loader would pick.</summary>
    public string LibStdCxxPath { get; set; } = "";

    /// <summary>
    /// Patch without looking at this machine's libstdc++: for output that will run on other machines
    /// (a dotnet tool package). Marking the requirement weak is harmless where the version exists.
    /// </summary>
    public bool Force { get; set; }

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            if (!File.Exists(path)) continue;
            try
            {
                if (!PatchOne(path)) return false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidDataException)
            {
                Log.LogError(null, "GATEBUILD002", null, path, 0, 0, 0, 0,
                    "TorchSharp native fix: could not read or rewrite '{0}': {1}. Delete the output folder (bin/obj) and build again; if it persists, run on a system whose libstdc++ provides GLIBCXX_3.4.32 (GCC 13 or newer).",
                    path, ex.Message);
                return false;
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool PatchOne(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var elf = Elf.Parse(bytes);
        var needs = elf.VersionNeeds.Where(n => n.File == LibStdCxx).ToList();
        if (needs.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} needs no versioned libstdc++ symbols.", path);
            return true;
        }

        if (Force)
        {
            var marker = needs.FirstOrDefault(n => n.Name == WeakenableVersion);
            if (marker == null)
            {
                Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} does not need {1}; nothing to do.", path, WeakenableVersion);
                return true;
            }
            return MarkWeak(path, marker, "it will run on machines this build cannot inspect");
        }

        var lib = string.IsNullOrEmpty(LibStdCxxPath) ? FindLibStdCxx(elf.Machine) : LibStdCxxPath;
        if (lib == null)
        {
            Log.LogWarning(null, "GATEBUILD003", null, path, 0, 0, 0, 0,
                "TorchSharp native fix: could not find {0} (looked at ldconfig -p and the standard library folders), so it cannot tell whether TorchSharp will load. If TorchSharp then fails to load, install libstdc++ from GCC 13 or newer.",
                LibStdCxx);
            return true;
        }

        var libBytes = File.ReadAllBytes(lib);
        var missing = needs.Where(n => !ContainsVersionString(libBytes, n.Name)).ToList();
        if (missing.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} provides every version {1} needs; nothing to do.", lib, path);
            return true;
        }

        var notFixable = missing.Where(n => n.Name != WeakenableVersion).Select(n => n.Name).ToList();
        if (notFixable.Count > 0)
        {
            Log.LogError(null, "GATEBUILD001", null, path, 0, 0, 0, 0,
                "TorchSharp cannot load on this machine: its native library needs {0} from {1}, which this machine's {2} lacks (only a missing {3} can be worked around). Install a newer libstdc++ (GCC 13 or newer; e.g. Debian 13 / Ubuntu 24.04 or later), or build and test in such a container.",
                string.Join(", ", notFixable), LibStdCxx, lib, WeakenableVersion);
            return false;
        }

        return MarkWeak(path, missing[0], lib + " lacks it");
    }

    private bool MarkWeak(string path, VersionNeed entry, string reason)
    {
        if ((entry.Flags & VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} already has {1} marked weak.", path, WeakenableVersion);
            return true;
        }

        // Copy-patch-rename: never edit through a hard link into the NuGet cache (File.Copy makes a
        // new inode and keeps the permission bits); keep the timestamp so incremental copies still
        // see "unchanged" and the fix is not redone every build.
        var lastWrite = File.GetLastWriteTimeUtc(path);
        var temp = path + ".gatedsl-tmp";
        File.Copy(path, temp, true);
        using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
        {
            var flags = (ushort)(entry.Flags | VerFlgWeak);
            stream.Position = entry.FlagsOffset;
            stream.WriteByte((byte)flags);
            stream.WriteByte((byte)(flags >> 8));
        }
        File.SetLastWriteTimeUtc(temp, lastWrite);
        File.Delete(path);
        File.Move(temp, path);
        Log.LogMessage(MessageImportance.High,
            "TorchSharp native fix: marked {0} weak in {1} ({2}; the only symbol of that version is an unused marker).",
            WeakenableVersion, path, reason);
        return true;
    }

    private static bool ContainsVersionString(byte[] haystack, string name)
    {
        // Version names live NUL-terminated in .dynstr; require NUL on both sides for an exact match.
        var needle = new byte[name.Length + 2];
        Encoding.ASCII.GetBytes(name, 0, name.Length, needle, 1);
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack[i] != 0 || haystack[i + 1] != needle[1]) continue;
            var j = 2;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    private static string FindLibStdCxx(ushort machine)
    {
        // ldconfig -p reports what the loader will actually pick; fall back to the usual folders.
        var archTag = machine switch { 62 => "x86-64", 183 => "AArch64", _ => "" };
        foreach (var ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" })
        {
            try
            {
                var psi = new ProcessStartInfo(ldconfig, "-p")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using var p = Process.Start(psi);
                if (p == null) continue;
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit(10000);
                foreach (var line in output.Split('\n'))
                {
                    var t = line.Trim();
                    if (!t.StartsWith(LibStdCxx + " ", StringComparison.Ordinal)) continue;
                    if (archTag.Length > 0 && !t.Contains(archTag)) continue;
                    var arrow = t.IndexOf("=>", StringComparison.Ordinal);
                    if (arrow < 0) continue;
                    var candidate = t.Substring(arrow + 2).Trim();
                    if (File.Exists(candidate)) return candidate;
                }
                break;
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
            }
        }

        var triplet = machine == 183 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        foreach (var dir in new[] { "/lib/" + triplet, "/usr/lib/" + triplet, "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
        {
            var candidate = Path.Combine(dir, LibStdCxx);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private sealed class VersionNeed
    {
        public string File = "";
        public string Name = "";
        public ushort Flags;
        public long FlagsOffset;
    }

    private sealed class Elf
    {
        public ushort Machine;
        public List<VersionNeed> VersionNeeds = new List<VersionNeed>();

        public static Elf Parse(byte[] b)
        {
            if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (b[4] != 2 || b[5] != 1)
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            var elf = new Elf { Machine = U16(b, 0x12) };
            var shoff = (long)U64(b, 0x28);
            var shentsize = U16(b, 0x3A);
            var shnum = U16(b, 0x3C);
            for (var i = 0; i < shnum; i++)
            {
                var sh = shoff + (long)i * shentsize;
                if (U32(b, sh + 4) != ShtGnuVerneed) continue;
                var secOffset = (long)U64(b, sh + 24);
                var link = U32(b, sh + 40);
                var count = U32(b, sh + 44);
                var strOffset = (long)U64(b, shoff + (long)link * shentsize + 24);
                var vn = secOffset;
                for (var n = 0; n < count; n++)
                {
                    var cnt = U16(b, vn + 2);
                    var file = Str(b, strOffset + U32(b, vn + 4));
                    var aux = vn + U32(b, vn + 8);
                    for (var a = 0; a < cnt; a++)
                    {
                        elf.VersionNeeds.Add(new VersionNeed
                        {
                            File = file,
                            Flags = U16(b, aux + 4),
                            FlagsOffset = aux + 4,
                            Name = Str(b, strOffset + U32(b, aux + 8)),
                        });
                        var next = U32(b, aux + 12);
                        if (next == 0) break;
                        aux += next;
                    }
                    var vnNext = U32(b, vn + 12);
                    if (vnNext == 0) break;
                    vn += vnNext;
                }
            }
            return elf;
        }

        private static void Check(byte[] b, long offset, int size)
        {
            if (offset < 0 || offset + size > b.Length) throw new InvalidDataException("truncated ELF file");
        }

        private static ushort U16(byte[] b, long o) { Check(b, o, 2); return (ushort)(b[o] | (b[o + 1] << 8)); }

        private static uint U32(byte[] b, long o) { Check(b, o, 4); return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)); }

        private static ulong U64(byte[] b, long o) => U32(b, o) | ((ulong)U32(b, o + 4) << 32);

        private static string Str(byte[] b, long o)
        {
            Check(b, o, 1);
            var end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }
}
