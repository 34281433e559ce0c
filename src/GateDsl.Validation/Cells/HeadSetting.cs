namespace GateDsl.Validation.Cells;

/// <summary>
/// Fixed values of a cell's K heads (the pre-activations z = W_ih x + W_hh h + b, one number per
/// head, the same for every unit), at which its gates are drawn and held against their inferred laws.
/// </summary>
/// <param name="Name">small, medium or large.</param>
/// <param name="Heads">One value per head, head k at index k.</param>
public sealed record HeadSetting(string Name, IReadOnlyList<double> Heads)
{
    /// <summary>
    /// The three settings <c>gatec validate --cell</c> uses: heads spread over [-2, -1] (through the
    /// stdlib's softplus(head) + 1e-3, Gamma shapes 0.13 to 0.31: U-shaped Betas), [-0.5, 1.5]
    /// (shapes 0.47 to 1.7) and [6, 12] (shapes 6 to 12: concentrated Betas). Head k sits at the
    /// fraction ((5 k) mod 7) / 6 of the interval, so neighbouring heads differ and a law with two
    /// parameters swapped does not look right by accident.
    /// </summary>
    /// <param name="heads">K. Range: at least 1.</param>
    public static IReadOnlyList<HeadSetting> Standard(int heads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        return [Spread("small", -2, -1, heads), Spread("medium", -0.5, 1.5, heads), Spread("large", 6, 12, heads)];
    }

    private static HeadSetting Spread(string name, double low, double high, int heads) =>
        new(name, Enumerable.Range(0, heads).Select(k => low + ((high - low) * ((5 * k) % 7) / 6)).ToArray());
}
