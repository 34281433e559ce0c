using System.Reflection;

namespace GateDsl.Language.Diagnostics;

/// <summary>
/// Every diagnostic the GATE front end can report, in one place. Codes are stable: a code is never
/// reused for another meaning. Ranges: 00xx syntax, 01xx imports, 02xx names, 03xx supports and
/// arity, 04xx cell and distribution structure, 05xx priors, 06xx lowering (the compiler's
/// back end), 09xx warnings, 99xx internal.
/// </summary>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    // ------------------------------------------------------------------ syntax (00xx)

    /// <summary>A token that does not fit the grammar here. {0}: the token as written; {1}: what would fit.</summary>
    public static readonly DiagnosticDescriptor UnexpectedToken =
        new("GATE0001", E, "Unexpected token", "unexpected {0}, expected {1}");

    /// <summary>A token the grammar needs is missing. {0}: the missing token; {1}: the token found instead.</summary>
    public static readonly DiagnosticDescriptor MissingToken =
        new("GATE0002", E, "Missing token", "missing {0} before {1}");

    /// <summary>A character that starts no token. {0}: the character.</summary>
    public static readonly DiagnosticDescriptor InvalidCharacter =
        new("GATE0003", E, "Invalid character", "invalid character {0}");

    /// <summary>A string literal with no closing quote on its line.</summary>
    public static readonly DiagnosticDescriptor UnterminatedString =
        new("GATE0004", E, "Unterminated string", "unterminated string: add the closing \" on the same line");

    /// <summary>A block comment with no closing */.</summary>
    public static readonly DiagnosticDescriptor UnterminatedComment =
        new("GATE0005", E, "Unterminated comment", "unterminated block comment: close it with */");

    /// <summary>A whole number too large to be an index or range bound. {0}: the literal.</summary>
    public static readonly DiagnosticDescriptor IntegerTooLarge =
        new("GATE0006", E, "Integer too large", "the integer {0} is too large for an index (at most 2147483647)");

    /// <summary>A number literal outside the range of a double. {0}: the literal.</summary>
    public static readonly DiagnosticDescriptor NumberOutOfRange =
        new("GATE0007", E, "Number out of range", "the number {0} is not finite in double precision");

    /// <summary>{0}: the limit. Guards the recursive stages against stack exhaustion.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep =
        new("GATE0008", E, "Nesting too deep", "expressions nest more than {0} levels deep here: split them with `let`");

    /// <summary>{0}: the limit. Long operator chains make deep trees, so they are bounded like brackets.</summary>
    public static readonly DiagnosticDescriptor ExpressionTooLong =
        new("GATE0009", E, "Expression too long", "this statement has more than {0} operators: split it with `let`");

    // ------------------------------------------------------------------ imports (01xx)

    /// <summary>{0}: the path as written; {1}: where it was looked for.</summary>
    public static readonly DiagnosticDescriptor ImportNotFound =
        new("GATE0101", E, "Import not found", "cannot find import \"{0}\" (looked in {1})");

    /// <summary>{0}: the cycle, e.g. a.gate -> b.gate -> a.gate.</summary>
    public static readonly DiagnosticDescriptor ImportCycle =
        new("GATE0102", E, "Import cycle", "import cycle: {0}");

    /// <summary>{0}: the path; {1}: the operating system's message.</summary>
    public static readonly DiagnosticDescriptor ImportUnreadable =
        new("GATE0103", E, "Import unreadable", "cannot read import \"{0}\": {1}");

    /// <summary>{0}: the path imported twice by the same file.</summary>
    public static readonly DiagnosticDescriptor DuplicateImport =
        new("GATE0104", W, "Duplicate import", "\"{0}\" is already imported by this file");

    /// <summary>{0}: the path given to the compiler; {1}: the operating system's message.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable =
        new("GATE0105", E, "File unreadable", "cannot read \"{0}\": {1}");

    // ------------------------------------------------------------------ names (02xx)

    /// <summary>{0}: the name; {1}: a suggestion clause (may be empty).</summary>
    public static readonly DiagnosticDescriptor UndefinedName =
        new("GATE0201", E, "Undefined name", "'{0}' is not defined{1}");

    /// <summary>{0}: what kind of thing; {1}: the name; {2}: where the first one is.</summary>
    public static readonly DiagnosticDescriptor DuplicateDefinition =
        new("GATE0202", E, "Duplicate definition", "{0} '{1}' is already defined at {2}");

    /// <summary>{0}: the name; {1}: a suggestion clause (may be empty).</summary>
    public static readonly DiagnosticDescriptor UnknownDistribution =
        new("GATE0203", E, "Unknown distribution", "unknown distribution '{0}'{1}");

    /// <summary>{0}: the name; {1}: a suggestion clause (may be empty).</summary>
    public static readonly DiagnosticDescriptor UnknownFunction =
        new("GATE0204", E, "Unknown function", "unknown function '{0}'{1}");

    /// <summary>{0}: the name that is not a family.</summary>
    public static readonly DiagnosticDescriptor NotAFamily =
        new("GATE0205", E, "Not a family", "'{0}' is not an indexed family, so it cannot be indexed");

    /// <summary>{0}: the family; {1}: the index; {2}: low bound; {3}: high bound.</summary>
    public static readonly DiagnosticDescriptor IndexOutOfRange =
        new("GATE0206", E, "Index out of range", "index {1} is outside {0}[{2}..{3}]");

    /// <summary>{0}: the family; {1}: low; {2}: high.</summary>
    public static readonly DiagnosticDescriptor FamilyNeedsIndex =
        new("GATE0207", E, "Family needs an index", "'{0}' is a family {0}[{1}..{2}]: pick one member, e.g. {0}[{1}]");

    /// <summary>{0}: low; {1}: high.</summary>
    public static readonly DiagnosticDescriptor EmptyRange =
        new("GATE0208", E, "Empty range", "the range {0}..{1} is empty: write the smaller bound first");

    /// <summary>{0}: the reserved name; {1}: what it is.</summary>
    public static readonly DiagnosticDescriptor ReservedName =
        new("GATE0209", E, "Reserved name", "'{0}' is {1} and cannot be redefined");

    /// <summary>{0}: the name; {1}: what it is; {2}: what was expected.</summary>
    public static readonly DiagnosticDescriptor WrongKindOfName =
        new("GATE0210", E, "Wrong kind of name", "'{0}' is {1}, not {2}");

    /// <summary>{0}: the name; {1}: the statement where it is defined later.</summary>
    public static readonly DiagnosticDescriptor UsedBeforeDefinition =
        new("GATE0211", E, "Used before definition", "'{0}' is used before its definition at {1}: move the definition up");

    /// <summary>{0}: the cycle of distributions.</summary>
    public static readonly DiagnosticDescriptor RecursiveDistribution =
        new("GATE0212", E, "Recursive distribution", "distributions cannot be recursive: {0}");

    /// <summary>{0}: the cycle of file-level constants.</summary>
    public static readonly DiagnosticDescriptor RecursiveConstant =
        new("GATE0213", E, "Recursive constant", "constants cannot be defined in terms of themselves: {0}");

    // ------------------------------------------------------------------ supports and arity (03xx)

    /// <summary>{0}: what the argument is ("a Gamma shape"); {1}: expected support; {2}: actual; {3}: fix clause.</summary>
    public static readonly DiagnosticDescriptor ArgumentSupportMismatch =
        new("GATE0301", E, "Argument support mismatch", "{0} must be {1}, but this is {2}{3}");

    /// <summary>{0}: the gate; {1}: actual support; {2}: fix clause.</summary>
    public static readonly DiagnosticDescriptor GateNotUnitInterval =
        new("GATE0302", E, "Gate not in (0,1)", "gate {0} must be UnitInterval, but this is {1}{2}");

    /// <summary>{0}: the callee; {1}: expected count; {2}: actual count.</summary>
    public static readonly DiagnosticDescriptor WrongArgumentCount =
        new("GATE0303", E, "Wrong argument count", "{0} takes {1}, but {2} given");

    /// <summary>{0}: the distribution; {1}: its number of values; {2}: the number of names bound.</summary>
    public static readonly DiagnosticDescriptor TupleArityMismatch =
        new("GATE0304", E, "Tuple arity mismatch", "{0} has {1}, but {2} bound here");

    /// <summary>{0}: what must be constant; {1}: what makes it vary.</summary>
    public static readonly DiagnosticDescriptor NotConstant =
        new("GATE0305", E, "Not constant", "{0} must be a constant, but it depends on {1}");

    /// <summary>{0}: the parameter; {1}: its support; {2}: the default.</summary>
    public static readonly DiagnosticDescriptor DefaultOutsideSupport =
        new("GATE0306", E, "Default outside support", "the default {2} of '{0}' is not {1}");

    /// <summary>{0}: the unknown support name; {1}: suggestion clause.</summary>
    public static readonly DiagnosticDescriptor UnknownSupport =
        new("GATE0307", E, "Unknown support", "unknown support '{0}': use Real, Positive or UnitInterval{1}");

    /// <summary>{0}: the expression that divides by zero.</summary>
    public static readonly DiagnosticDescriptor DivisionByZero =
        new("GATE0308", E, "Division by zero", "division by the constant zero in {0}");

    /// <summary>A tuple used where one value is expected.</summary>
    public static readonly DiagnosticDescriptor TupleNotAllowed =
        new("GATE0309", E, "Tuple not allowed", "a tuple is only allowed as the value of a joint distribution");

    /// <summary>{0}: the distribution; {1}: its number of values.</summary>
    public static readonly DiagnosticDescriptor JointNeedsTuple =
        new("GATE0310", E, "Joint distribution needs a tuple", "{0} is a joint distribution of {1} values: bind them as a tuple, e.g. ({2})");

    /// <summary>{0}: actual support of the base; {1}: fix clause.</summary>
    public static readonly DiagnosticDescriptor PowerBaseNotPositive =
        new("GATE0311", E, "Power base not Positive", "the base of ^ must be Positive, but this is {0}{1}");

    /// <summary>
    /// {0}: the sampler's message (distribution, parameter, range, value). Reported by <c>gatec sample</c>
    /// when a call the binder accepts has values a sampler rejects when it runs (<c>Uniform(2, 1)</c>:
    /// Uniform's bounds are Real, their order is checked by the sampler), under the argument at fault.
    /// </summary>
    public static readonly DiagnosticDescriptor ParameterValueRejected =
        new("GATE0312", E, "Parameter value rejected by the sampler", "the sampler rejects this value: {0}");

    // ------------------------------------------------------------------ structure (04xx)

    /// <summary>{0}: the cell; {1}: the missing gate.</summary>
    public static readonly DiagnosticDescriptor MissingGate =
        new("GATE0401", E, "Missing gate", "cell {0} does not define gate {1}: add `gate {1} = sigmoid(linear)` or a stochastic gate");

    /// <summary>{0}: the gate; {1}: where it was first defined.</summary>
    public static readonly DiagnosticDescriptor DuplicateGate =
        new("GATE0402", E, "Duplicate gate", "gate {0} is already defined at {1}");

    /// <summary>{0}: the cell.</summary>
    public static readonly DiagnosticDescriptor MissingCandidate =
        new("GATE0403", E, "Missing candidate", "cell {0} does not define its candidate: add `candidate = tanh(linear)`");

    /// <summary>{0}: where the first candidate is.</summary>
    public static readonly DiagnosticDescriptor DuplicateCandidate =
        new("GATE0404", E, "Duplicate candidate", "the candidate is already defined at {0}");

    /// <summary>{0}: the name used as a gate; {1}: suggestion clause.</summary>
    public static readonly DiagnosticDescriptor UnknownGate =
        new("GATE0405", E, "Unknown gate", "'{0}' is not an LSTM gate: a cell has gates i, f and o{1}");

    /// <summary>{0}: where the first evaluate statement is.</summary>
    public static readonly DiagnosticDescriptor DuplicateEvaluate =
        new("GATE0406", E, "Duplicate evaluation rule", "the evaluation rule is already given at {0}");

    /// <summary>`linear` inside a distribution.</summary>
    public static readonly DiagnosticDescriptor LinearOutsideCell =
        new("GATE0407", E, "linear outside a cell", "`linear` (a learned head) is only allowed in a cell: pass it in as a distribution argument");

    /// <summary>{0}: the draw; {1}: its distribution.</summary>
    public static readonly DiagnosticDescriptor ModeUndefined =
        new("GATE0408", E, "Mode undefined", "`evaluate mode` needs a mode for every draw, but {1} (draw {0}) has none: use `evaluate mean`");

    /// <summary>{0}: the distribution.</summary>
    public static readonly DiagnosticDescriptor MissingValue =
        new("GATE0409", E, "Missing value", "distribution {0} has no `value` statement: say what it returns");

    /// <summary>{0}: where the first value statement is.</summary>
    public static readonly DiagnosticDescriptor DuplicateValue =
        new("GATE0410", E, "Duplicate value", "the value is already given at {0}");

    /// <summary>{0}: the statement; {1}: where it is allowed.</summary>
    public static readonly DiagnosticDescriptor StatementNotAllowed =
        new("GATE0411", E, "Statement not allowed here", "{0} is only allowed in {1}");

    /// <summary>{0}: the unknown rule; {1}: suggestion clause.</summary>
    public static readonly DiagnosticDescriptor UnknownEvaluationRule =
        new("GATE0412", E, "Unknown evaluation rule", "unknown evaluation rule '{0}': use mean, sample or mode{1}");

    /// <summary>{0}: the cell parameter; {1}: its support.</summary>
    public static readonly DiagnosticDescriptor HyperParameterNeedsDefault =
        new("GATE0413", E, "Cell parameter needs a default", "cell parameter '{0}' needs a value: write `{0}: {1} = ...`");

    // ------------------------------------------------------------------ priors (05xx)

    /// <summary>{0}: the target; {1}: suggestion clause.</summary>
    public static readonly DiagnosticDescriptor PriorTargetUnknown =
        new("GATE0501", E, "Prior target unknown", "a prior needs a draw or stochastic gate, and '{0}' is not defined{1}");

    /// <summary>{0}: the target; {1}: its support; {2}: the prior; {3}: the prior's support.</summary>
    public static readonly DiagnosticDescriptor PriorSupportMismatch =
        new("GATE0502", E, "Prior support mismatch", "'{0}' is {1}, but the prior {2} is over {3}");

    /// <summary>{0}: the target; {1}: what it is.</summary>
    public static readonly DiagnosticDescriptor PriorOnDeterministic =
        new("GATE0503", E, "Prior on a deterministic value", "'{0}' is {1}, not random: a prior needs a draw or a gate bound with ~");

    /// <summary>{0}: the weight.</summary>
    public static readonly DiagnosticDescriptor PriorWeightNotPositive =
        new("GATE0504", E, "Prior weight not positive", "a prior weight must be a positive constant, but it is {0}");

    /// <summary>{0}: the target; {1}: where the first prior is.</summary>
    public static readonly DiagnosticDescriptor DuplicatePrior =
        new("GATE0505", E, "Duplicate prior", "'{0}' already has a prior at {1}");

    /// <summary>{0}: the joint target's name; {1}: the distribution it is bound to.</summary>
    public static readonly DiagnosticDescriptor PriorOnJointMember =
        new("GATE0506", E, "Prior on a member of a joint draw", "'{0}' is one value of the joint {1}: put priors on the Gammas it is built from");

    // ------------------------------------------------------------------ lowering (06xx)

    /// <summary>{0}: the value it folds to. A constant expression outside a const (the binder folds those).</summary>
    public static readonly DiagnosticDescriptor NonFiniteConstant =
        new("GATE0601", E, "Constant not finite", "this constant expression is {0} in double precision: keep numbers within about 1e308");

    /// <summary>{0}: the cell; {1}: its head count; {2}: the limit.</summary>
    public static readonly DiagnosticDescriptor TooManyHeads =
        new("GATE0602", E, "Cell too large", "cell {0} has {1} heads; the compiler lowers cells with at most {2} (one head is H rows of the fused weight)");

    /// <summary>{0}: the prior's target; {1}: why its law is unknown.</summary>
    public static readonly DiagnosticDescriptor PriorTargetLawUnknown =
        new("GATE0603", E, "Law of a prior's target unknown", "the prior on {0} needs the law of {0} for its KL term, but {1}");

    /// <summary>{0}: the prior's distribution; {1}: why its law is unknown.</summary>
    public static readonly DiagnosticDescriptor PriorLawUnknown =
        new("GATE0604", E, "Law of a prior unknown", "the prior {0} has no law the compiler knows: {1}");

    /// <summary>{0}: the posterior's law; {1}: the prior's law.</summary>
    public static readonly DiagnosticDescriptor KlUnavailable =
        new("GATE0605", E, "No KL divergence", "KL({0} || {1}) has neither a closed form nor a Monte Carlo estimate ({0} has no log density in GateDsl.Distributions)");

    /// <summary>{0}: the posterior's law; {1}: the prior's law.</summary>
    public static readonly DiagnosticDescriptor KlByMonteCarlo =
        new("GATE0606", W, "KL by Monte Carlo", "KL({0} || {1}) has no closed form: each step estimates it from one draw per unit (unbiased, noisy)");

    // ------------------------------------------------------------------ warnings (09xx)

    /// <summary>{0}: the draw.</summary>
    public static readonly DiagnosticDescriptor UnusedDraw =
        new("GATE0901", W, "Unused draw", "draw '{0}' is never used");

    /// <summary>{0}: the constant.</summary>
    public static readonly DiagnosticDescriptor UnusedConstant =
        new("GATE0902", W, "Unused constant", "constant '{0}' is never used");

    /// <summary>{0}: the let binding.</summary>
    public static readonly DiagnosticDescriptor UnusedLet =
        new("GATE0903", W, "Unused let", "'{0}' is never used");

    /// <summary>{0}: the parameter.</summary>
    public static readonly DiagnosticDescriptor UnusedParameter =
        new("GATE0904", W, "Unused parameter", "parameter '{0}' is never used");

    /// <summary>{0}: the cell.</summary>
    public static readonly DiagnosticDescriptor EvaluateWithoutDraws =
        new("GATE0905", W, "Evaluation rule without draws", "cell {0} has no draws, so its evaluation rule changes nothing");

    // ------------------------------------------------------------------ internal (99xx)

    /// <summary>{0}: the exception message. An internal compiler error, not a user mistake.</summary>
    public static readonly DiagnosticDescriptor InternalError =
        new("GATE9999", E, "Internal compiler error", "internal compiler error (please report it): {0}");

    /// <summary>All descriptors, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
