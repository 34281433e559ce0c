using System.Runtime.InteropServices;

namespace GateDsl.Distributions;

/// <summary>
/// The process's native environment (libc's environ). On Unix, .NET's Environment.SetEnvironmentVariable
/// changes only a managed copy, so native libraries that read variables with getenv (libgomp reads
/// OMP_WAIT_POLICY once, when libtorch loads it) never see it. setenv before the first torch call does.
/// </summary>
public static class NativeEnvironment
{
    /// <summary>Sets a variable in the native environment; throws if libc refuses.</summary>
    /// <exception cref="PlatformNotSupportedException">On Windows (no libc setenv).</exception>
    public static void Set(string name, string value)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("setenv is a libc call; on Windows set the variable before starting the process.");
        }

        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Removes a variable from the native environment (libgomp then uses its own default).</summary>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    public static void Unset(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("unsetenv is a libc call.");
        }

        if (unsetenv(name) != 0)
        {
            throw new InvalidOperationException($"unsetenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The native value, or null.</summary>
    public static string? Get(string name)
    {
        var p = getenv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }

    [DllImport("libc", EntryPoint = "setenv", SetLastError = true)]
    private static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv", SetLastError = true)]
    private static extern int unsetenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
