namespace GateDsl.Validation.Tests;

/// <summary>A KL pair with parameters; prints readably in FsCheck messages.</summary>
public sealed record KlCase(string P, double[] Pp, string Q, double[] Qp)
{
    public override string ToString() => $"KL({P}({string.Join(", ", Pp)}) || {Q}({string.Join(", ", Qp)}))";
}
