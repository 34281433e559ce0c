using GateDsl.Distributions;

namespace GateDsl.Distributions.Tests;

/// <summary>Loading GateDsl.Distributions leaves libgomp's wait policy passive unless the environment chose one.</summary>
public sealed class OpenMpDefaultsTests
{
    [Fact]
    public void The_native_environment_asks_OpenMP_to_wait_passively()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Throws<PlatformNotSupportedException>(() => NativeEnvironment.Set("GATEDSL_TEST", "1"));
            return;
        }

        // The test host inherits CI's environment: PASSIVE unless CI chose another policy, which must then be kept.
        var chosen = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        Assert.Equal(chosen ?? "PASSIVE", NativeEnvironment.Get("OMP_WAIT_POLICY"));
    }

    [Fact]
    public void Native_variables_can_be_set_read_and_removed()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Throws<PlatformNotSupportedException>(() => NativeEnvironment.Unset("GATEDSL_NATIVE_TEST"));
            return;
        }

        NativeEnvironment.Set("GATEDSL_NATIVE_TEST", "x y");
        Assert.Equal("x y", NativeEnvironment.Get("GATEDSL_NATIVE_TEST"));
        NativeEnvironment.Unset("GATEDSL_NATIVE_TEST");
        Assert.Null(NativeEnvironment.Get("GATEDSL_NATIVE_TEST"));
    }
}
