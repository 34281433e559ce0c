using GateDsl.Training.Runs;

namespace GateDsl.Training.Tests;

/// <summary>PAPER.md's schedule: only after epoch 10, only when the validation loss exceeds the largest of the three before it.</summary>
public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Never_lowers_within_the_first_ten_epochs()
    {
        var rising = Enumerable.Range(1, 10).Select(e => (double)e).ToList();

        Assert.All(Enumerable.Range(1, 10), n => Assert.False(LearningRateSchedule.ShouldLower(rising.Take(n).ToList())));
    }

    [Theory]
    [InlineData(new[] { 5.0, 4, 3, 2, 1, 1, 1, 1, 3.0, 2.0, 3.5 }, true)] // 3.5 > max(3.0, 2.0, ... ) of epochs 8..10 = 3.0
    [InlineData(new[] { 5.0, 4, 3, 2, 1, 1, 1, 1, 3.0, 2.0, 2.9 }, false)] // 2.9 < 3.0
    [InlineData(new[] { 5.0, 4, 3, 2, 1, 1, 1, 1, 3.0, 2.0, 3.0 }, false)] // equal is not worse
    public void After_epoch_ten_compares_with_the_largest_of_the_last_three(double[] losses, bool lower)
    {
        Assert.Equal(lower, LearningRateSchedule.ShouldLower(losses));
    }
}
