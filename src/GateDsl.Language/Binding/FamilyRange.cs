namespace GateDsl.Language.Binding;

/// <summary>The inclusive index range of a family <c>g[Low..High]</c>.</summary>
public readonly record struct FamilyRange(int Low, int High)
{
    /// <summary>Number of members.</summary>
    public int Count => (int)Math.Clamp((long)High - Low + 1, 0, int.MaxValue);

    /// <summary>Whether <paramref name="index"/> names a member.</summary>
    public bool Contains(int index) => index >= Low && index <= High;

    /// <inheritdoc />
    public override string ToString() => $"[{Low}..{High}]";
}
