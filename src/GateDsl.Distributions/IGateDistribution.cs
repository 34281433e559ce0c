using TorchSharp;

namespace GateDsl.Distributions;

/// <summary>
/// What every GateDsl distribution exposes regardless of how many components a draw has:
/// its name, support, batch shape (the broadcast shape of its parameters), dtype and device.
/// </summary>
public interface IGateDistribution
{
    /// <summary>Distribution name as used in messages (e.g. "Gamma").</summary>
    string Name { get; }

    /// <summary>Support of each component of a draw.</summary>
    Support Support { get; }

    /// <summary>Broadcast shape of the parameters; a draw has shape sampleShape ++ BatchShape.</summary>
    long[] BatchShape { get; }

    /// <summary>Floating dtype of parameters and draws (Float32 or Float64).</summary>
    torch.ScalarType DType { get; }

    /// <summary>Device the parameters live on; draws are made there.</summary>
    torch.Device Device { get; }
}
