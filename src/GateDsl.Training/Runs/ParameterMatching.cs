using GateDsl.Training.Cores;
using GateDsl.Training.Model;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>
/// Chooses each cell's hidden size so that the whole model (embedding, core, readout) has about a
/// target number of parameters, as the paper matches LSTM 200, CIFG 232, BBeta 177 and 5G 148 on music:
/// the H in 1..<see cref="MaxHiddenSize"/> whose count is closest to the target (the smaller H on a tie).
/// </summary>
internal static class ParameterMatching
{
    /// <summary>The largest hidden size considered.</summary>
    public const int MaxHiddenSize = 8192;

    /// <summary>The matched hidden size.</summary>
    public static int HiddenSize(TrainingTask task, IRecurrentCoreFactory factory, int layers, long target)
    {
        // The count grows with H, so a binary search finds the first H at or above the target.
        int lo = 1, hi = MaxHiddenSize;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (SequenceModel.CountParameters(task, factory, mid, layers) < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo > 1 && Math.Abs(SequenceModel.CountParameters(task, factory, lo - 1, layers) - target) <= Math.Abs(SequenceModel.CountParameters(task, factory, lo, layers) - target))
        {
            return lo - 1;
        }

        return lo;
    }
}
