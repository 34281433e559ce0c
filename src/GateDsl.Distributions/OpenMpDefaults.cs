using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions;

/// <summary>
/// Makes libtorch's OpenMP threads wait passively: OMP_WAIT_POLICY=PASSIVE in the native environment
/// when this assembly loads, unless the user set the variable. libgomp reads it once, when libtorch
/// loads, and its default busy-waiting made TorchSharp's nn.LSTM 9x to 40x slower at batches 1 and 8
/// on a 2-core machine with other work (docs/backend-performance.md, section 1). It takes effect when
/// GateDsl is used before the first TorchSharp call; a program that calls TorchSharp first should set
/// the variable itself. Not on Windows, whose OpenMP runtime reads it otherwise.
/// </summary>
internal static class OpenMpDefaults
{
    /// <summary>The variable libgomp reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The ModuleInitializer attribute should not be used in libraries", Justification = "The variable must be in the native environment before libtorch loads, which no call of ours can guarantee later.")]
    internal static void Initialize()
    {
        if (OperatingSystem.IsWindows() || NativeEnvironment.Get(Variable) is not null)
        {
            return;
        }

        try
        {
            NativeEnvironment.Set(Variable, "PASSIVE");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            // No libc setenv here: leave the runtime's default.
        }
    }
}
