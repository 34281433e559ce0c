namespace GateDsl.Language.Text;

/// <summary>A 1-based line and column, as editors and compilers show them.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line},{Column}";
}
