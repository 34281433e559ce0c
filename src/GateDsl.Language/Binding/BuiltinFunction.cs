namespace GateDsl.Language.Binding;

/// <summary>The link functions of GATE. <see cref="BuiltinFunctions"/> has their names, supports and values.</summary>
public enum BuiltinFunction
{
    /// <summary>softplus(x) = log(1 + e^x): Real to Positive.</summary>
    Softplus,

    /// <summary>e^x: Real to Positive.</summary>
    Exp,

    /// <summary>Natural log: Positive to Real.</summary>
    Log,

    /// <summary>1 / (1 + e^-x): Real to UnitInterval.</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent: Real to Real (in (-1, 1)).</summary>
    Tanh,
}
