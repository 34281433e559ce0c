namespace GateDsl.Language.Binding;

/// <summary>Where an expression is bound, which decides what it may contain.</summary>
internal enum BodyKind
{
    /// <summary>A cell body: heads (`linear`), gates and priors are allowed.</summary>
    Cell,

    /// <summary>A distribution body: no `linear`; heads come in as arguments.</summary>
    Distribution,

    /// <summary>A file-level constant or a parameter default: must fold to a number.</summary>
    Constant,
}
