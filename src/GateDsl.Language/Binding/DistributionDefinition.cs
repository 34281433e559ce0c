using System.Collections.Immutable;

namespace GateDsl.Language.Binding;

/// <summary>Something a draw can be taken from: a primitive law or a user distribution.</summary>
/// <param name="Name">The name it is called by.</param>
/// <param name="Parameters">Its parameters, in order.</param>
public abstract record DistributionDefinition(string Name, ImmutableArray<DistributionParameter> Parameters)
{
    /// <summary>The fewest arguments a call may pass: up to the last parameter without a default.</summary>
    public int RequiredArguments
    {
        get
        {
            for (var i = Parameters.Length - 1; i >= 0; i--)
            {
                if (Parameters[i].Default is null)
                {
                    return i + 1;
                }
            }

            return 0;
        }
    }

    /// <summary>The supports of the values a call returns (one for a scalar law, several for a joint one).</summary>
    public abstract ImmutableArray<Support> ValueSupports(int argumentCount);
}
