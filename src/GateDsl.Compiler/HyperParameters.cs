using GateDsl.Language.Binding;

namespace GateDsl.Compiler;

/// <summary>Checks hyperparameter values given at creation (<c>G2LSTM(p, temperature)</c>) against the cell's declarations.</summary>
internal static class HyperParameters
{
    /// <summary>Throws naming the problem: an unknown name (listing the cell's), or a value outside the declared support.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its support, or not finite.</exception>
    public static void Validate(BoundCell cell, IReadOnlyDictionary<string, double> values)
    {
        foreach (var (name, value) in values)
        {
            var declared = cell.Parameters.FirstOrDefault(p => p.Name == name);
            if (declared is null)
            {
                var names = cell.Parameters.Length == 0 ? "it has none" : "it has " + string.Join(", ", cell.Parameters.Select(p => p.Name));
                throw new ArgumentException($"cell {cell.Name} has no hyperparameter '{name}'; {names}.", nameof(values));
            }

            if (!double.IsFinite(value) || !SupportRules.Contains(declared.Support, value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, $"hyperparameter '{name}' of cell {cell.Name} is {declared.Support} and must be a finite number in {Range(declared.Support)}, but is {value}.");
            }
        }
    }

    private static string Range(Support support) => support switch
    {
        Support.UnitInterval => "(0, 1)",
        Support.Positive => "(0, inf)",
        _ => "(-inf, inf)",
    };
}
