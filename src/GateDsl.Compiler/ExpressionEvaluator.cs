using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler;

/// <summary>
/// Computes a bound expression of a distribution body on tensors. Every operation is a
/// differentiable torch operation, so a reparameterized draw keeps its path to the arguments.
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>The value of <paramref name="expression"/>; a scalar when it depends on no draw and no argument.</summary>
    public static Tensor Evaluate(BoundExpr expression, EvaluationScope scope) => expression switch
    {
        BoundNumber n => scope.Constant(n.Value),
        BoundName n => scope.Lookup(n.Symbol),
        BoundMember m => scope.Member(m.Symbol, m.Index),
        BoundNegate n => Evaluate(n.Operand, scope).neg(),
        BoundBinary b => Binary(b, scope),
        BoundCall { Arguments.Length: 1 } c => Function(c.Function, Evaluate(c.Arguments[0], scope)),
        _ => throw new InvalidOperationException(
            $"internal error: {expression.GetType().Name} cannot be evaluated in a distribution body; the bound distribution must come from a compilation without errors."),
    };

    private static Tensor Binary(BoundBinary binary, EvaluationScope scope)
    {
        var left = Evaluate(binary.Left, scope);
        var right = Evaluate(binary.Right, scope);
        return binary.Operator switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => left / right,
            BinaryOperator.Power => left.pow(right), // the binder proved the base Positive
            _ => throw new InvalidOperationException($"internal error: unknown operator {binary.Operator}."),
        };
    }

    private static Tensor Function(BuiltinFunction function, Tensor x) => function switch
    {
        BuiltinFunction.Softplus => torch.nn.functional.softplus(x),
        BuiltinFunction.Exp => x.exp(),
        BuiltinFunction.Log => x.log(),
        BuiltinFunction.Sigmoid => x.sigmoid(),
        BuiltinFunction.Tanh => x.tanh(),
        _ => throw new InvalidOperationException($"internal error: unknown function '{function}'."),
    };
}
