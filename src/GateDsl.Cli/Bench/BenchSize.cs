namespace GateDsl.Cli.Bench;

/// <summary>The batch every workload runs: T steps of B sequences of I inputs into H units, float32.</summary>
/// <param name="Steps">T.</param>
/// <param name="Batch">B.</param>
/// <param name="Input">I.</param>
/// <param name="Hidden">H.</param>
internal sealed record BenchSize(int Steps, int Batch, int Input, int Hidden)
{
    /// <summary>Issue 7's size: T = 100, B = 32, I = 88, H = 256.</summary>
    public static BenchSize Standard { get; } = new(100, 32, 88, 256);

    public override string ToString() => $"T={Steps} B={Batch} I={Input} H={Hidden}";
}
