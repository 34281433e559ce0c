using System.Reflection;
using System.Runtime.InteropServices;

namespace GateDsl.Training.Runs;

/// <summary>The versions a run records in metrics.json, so a result can be traced to its software.</summary>
internal static class VersionInfo
{
    /// <summary>gatedsl, torchsharp, dotnet, os, libtorch's intra-op threads and the fused kernel's threads.</summary>
    public static IReadOnlyDictionary<string, string> Collect() => new Dictionary<string, string>
    {
        ["gatedsl"] = Informational(typeof(VersionInfo).Assembly),
        ["torchsharp"] = Informational(typeof(TorchSharp.torch).Assembly),
        ["dotnet"] = Environment.Version.ToString(),
        ["os"] = RuntimeInformation.OSDescription,
        ["threads"] = TorchSharp.torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kernelThreads"] = Distributions.Kernels.KernelParallel.MaxThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Informational(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
