using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>A catalogue distribution with generated parameters and a dtype; prints readably in FsCheck messages.</summary>
public sealed record LawCase(string Name, double[] Parameters, torch.ScalarType DType)
{
    public CatalogueEntry Entry => DistributionCatalogue.Get(Name);

    /// <summary>A seed derived from the case, so each case draws its own fixed stream.</summary>
    public long Seed
    {
        get
        {
            var h = 1469598103934665603L;
            foreach (var p in Parameters)
            {
                h = unchecked((h ^ BitConverter.DoubleToInt64Bits(p)) * 1099511628211L);
            }

            return h ^ Name.Length ^ (DType == torch.ScalarType.Float32 ? 0x3232 : 0x6464);
        }
    }

    public LawCase With(torch.ScalarType dtype) => this with { DType = dtype };

    public override string ToString() => $"{Entry.Describe(Parameters)} [{DType}]";
}
