namespace GateDsl.Language.Binding;

/// <summary>The inclusive index range of a family <c>g[Low..High]</c>.</summary>
public readonly record struct FamilyRange(int Low, int High)
{
    /// <summary>Number of members.</summary>
    public int Count => Math.Max(0, High - Low + 1);

    /// <summary>Whether <paramref name="index"/> names a member.</summary>
    public bool Contains(int index) => index >= Low && index <= High;

    /// <inheritdoc />
    public override string ToString() => $"[{Low}..{High}]";
}
