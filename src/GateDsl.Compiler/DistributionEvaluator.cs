using GateDsl.Language;
using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler;

/// <summary>
/// Samples a distribution written in the language, on TorchSharp in float64: a primitive law, or
/// a user distribution built from primitive draws (const, let, draw, including nested user
/// distributions, tuple binders of joint laws and families <c>g[1..5]</c>, and a scalar or tuple
/// value). One call returns one tensor of shape [count] per value component.
/// <para>
/// This is the seed of the compiler's TorchSharp backend. It interprets the bound tree statement by
/// statement and draws every primitive with GateDsl.Distributions' reparameterized samplers, so
/// <see cref="RSample"/> keeps the autograd graph and gradients flow to tensor arguments. Cell
/// compilation builds on it later: lowering a bound cell to the Gate IR inlines its distributions
/// the same way, with the <c>linear</c> heads as rows of one fused affine map (a weight pair like
/// LSTMCell's) feeding these arguments, and priors becoming KL terms.
/// </para>
/// <para>
/// The tree must come from a compilation without errors; anything the binder would have rejected
/// is reported as an internal error (<see cref="InvalidOperationException"/>). Run-time parameter
/// checks of the samplers (e.g. <c>Uniform(low, high)</c> needs low &lt; high) throw
/// <see cref="ArgumentException"/> with the sampler's message.
/// </para>
/// </summary>
public sealed class DistributionEvaluator
{
    /// <summary>Creates an evaluator that draws with <paramref name="generator"/> (torch's default one when null) on <paramref name="device"/> (CPU when null).</summary>
    public DistributionEvaluator(Generator? generator = null, Device? device = null)
    {
        Generator = generator;
        Device = device ?? torch.CPU;
    }

    /// <summary>The generator every draw uses; the same seed gives the same draws.</summary>
    public Generator? Generator { get; }

    /// <summary>Where draws and constants are made.</summary>
    public Device Device { get; }

    /// <summary>An evaluator with its own generator seeded with <paramref name="seed"/>.</summary>
    public static DistributionEvaluator Seeded(ulong seed, Device? device = null)
    {
        var target = device ?? torch.CPU;
        return new DistributionEvaluator(new Generator(seed, target), target);
    }

    /// <summary>
    /// <paramref name="count"/> draws of a compiled call such as <c>BivariateBeta(2, 3, 1.5)</c>,
    /// outside the autograd graph: one float64 tensor of shape [count] per value component.
    /// </summary>
    /// <exception cref="ArgumentException">The call has errors.</exception>
    public IReadOnlyList<Tensor> Sample(StandaloneCall call, long count)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Sample(call.Distribution, call.Arguments, count);
    }

    /// <summary>
    /// <paramref name="count"/> draws with constant arguments (one per parameter, or fewer when the
    /// rest have defaults), outside the autograd graph.
    /// </summary>
    public IReadOnlyList<Tensor> Sample(DistributionDefinition distribution, IReadOnlyList<double> arguments, long count)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var tensors = arguments.Select(a => torch.tensor(a, ScalarType.Float64, Device)).ToList();
        var values = Draw(distribution, tensors, count);
        scope.MoveToOuter(values);
        return values;
    }

    /// <summary>
    /// <paramref name="count"/> reparameterized draws: the result stays in the autograd graph, so
    /// <c>backward()</c> reaches every argument that requires a gradient (pathwise gradients of the
    /// primitive samplers; Bernoulli draws have none). Each argument is a scalar tensor or has shape
    /// [count]; float32 arguments are promoted to float64 without leaving the graph.
    /// </summary>
    public IReadOnlyList<Tensor> RSample(DistributionDefinition distribution, IReadOnlyList<Tensor> arguments, long count)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var scope = torch.NewDisposeScope();
        var tensors = arguments.Select(a => a.dtype == ScalarType.Float64 ? a : a.to(ScalarType.Float64)).ToList();
        var values = Draw(distribution, tensors, count);
        scope.MoveToOuter(values);
        return values;
    }

    /// <summary>Checks the call's shape, fills in defaults and draws.</summary>
    private Tensor[] Draw(DistributionDefinition distribution, IReadOnlyList<Tensor> arguments, long count)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var parameters = distribution.Parameters;
        if (arguments.Count < distribution.RequiredArguments || arguments.Count > parameters.Length)
        {
            var takes = distribution.RequiredArguments == parameters.Length
                ? $"{parameters.Length}"
                : $"{distribution.RequiredArguments} to {parameters.Length}";
            throw new ArgumentException($"{distribution.Name} takes {takes} arguments, but {arguments.Count} were given", nameof(arguments));
        }

        foreach (var argument in arguments)
        {
            if (argument.dim() > 1 || (argument.dim() == 1 && argument.shape[0] != count && argument.shape[0] != 1))
            {
                throw new ArgumentException(
                    $"each argument must be a scalar or have shape [{count}]; got [{string.Join(", ", argument.shape)}]",
                    nameof(arguments));
            }
        }

        return DrawFrom(distribution, WithDefaults(parameters, arguments, Constant), count);
    }

    private Tensor[] DrawFrom(DistributionDefinition distribution, IReadOnlyList<Tensor> arguments, long count) => distribution switch
    {
        PrimitiveDistribution primitive => new[] { PrimitiveSampler.RSample(primitive, arguments, count, Generator) },
        BoundDistribution user => EvaluateBody(user, arguments, count),
        _ => throw new InvalidOperationException($"internal error: unknown kind of distribution {distribution.GetType().Name}."),
    };

    /// <summary>Runs a user distribution's body in order and returns its value, each component broadcast to [count].</summary>
    private Tensor[] EvaluateBody(BoundDistribution distribution, IReadOnlyList<Tensor> arguments, long count)
    {
        var scope = new EvaluationScope(distribution, arguments, Device);
        foreach (var statement in distribution.Body)
        {
            switch (statement)
            {
                case BoundConstStatement:
                    break; // a constant's value was folded by the binder; EvaluationScope reads it from the symbol
                case BoundLetStatement let:
                    // A family let has the same value for each member: a body has no heads that could differ.
                    var value = ExpressionEvaluator.Evaluate(let.Value, scope);
                    scope.Define(let.Symbol, Enumerable.Repeat(value, let.Symbol.Family?.Count ?? 1).ToArray());
                    break;
                case BoundDrawStatement draw:
                    EvaluateDraw(draw, scope, count);
                    break;
                case BoundValueStatement result:
                    return result.Values.Select(v => ExpressionEvaluator.Evaluate(v, scope).expand(count).contiguous()).ToArray();
                default:
                    throw new InvalidOperationException($"internal error: {statement.GetType().Name} in distribution {distribution.Name}.");
            }
        }

        throw new InvalidOperationException($"internal error: distribution {distribution.Name} has no value statement.");
    }

    /// <summary><c>draw x ~ D(...)</c>, <c>draw g[1..5] ~ D(...)</c> (independent members) or <c>draw (x, y) ~ J(...)</c>.</summary>
    private void EvaluateDraw(BoundDrawStatement draw, EvaluationScope scope, long count)
    {
        var distribution = draw.Call.Distribution
            ?? throw new InvalidOperationException($"internal error: the draw of {draw.TargetText} names no known distribution.");
        var given = draw.Call.Arguments.Select(a => ExpressionEvaluator.Evaluate(a, scope)).ToList();
        var arguments = WithDefaults(distribution.Parameters, given, scope.Constant);
        if (draw.Family is { } family)
        {
            var members = new Tensor[family.Count];
            for (var k = 0; k < members.Length; k++)
            {
                members[k] = DrawFrom(distribution, arguments, count)[0];
            }

            scope.Define(draw.Targets[0], members);
            return;
        }

        var values = DrawFrom(distribution, arguments, count);
        for (var k = 0; k < draw.Targets.Length; k++)
        {
            scope.Define(draw.Targets[k], values[k]);
        }
    }

    /// <summary>The given arguments, then each remaining parameter's default.</summary>
    private static List<Tensor> WithDefaults(IReadOnlyList<DistributionParameter> parameters, IReadOnlyList<Tensor> given, Func<double, Tensor> constant)
    {
        var all = given.ToList();
        for (var i = given.Count; i < parameters.Count; i++)
        {
            all.Add(constant(parameters[i].Default
                ?? throw new InvalidOperationException($"internal error: {parameters[i].Role} has no default.")));
        }

        return all;
    }

    private Tensor Constant(double value) => torch.tensor(value, ScalarType.Float64, Device);
}
