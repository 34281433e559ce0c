using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>Hyperparameters given at creation replace the declared defaults, inside their supports.</summary>
public sealed class HyperParameterTests
{
    [Fact]
    public void G2LSTM_takes_its_probability_and_temperature_at_creation()
    {
        var defaults = StdlibCells.Spec.Cell("G2LSTM");
        Assert.Equal(new[] { ("p", 0.2, true), ("temperature", 1.0, true) }, defaults.HyperParameters.Select(h => (h.Name, h.Value, h.IsDefault)));
        Assert.All(Bernoullis(defaults), p => Assert.Equal(0.2, p));
        Assert.Empty(Divisions(defaults)); // x / 1 folds away

        var tuned = StdlibCells.Spec.Cell("G2LSTM", new Dictionary<string, double> { ["p"] = 0.5, ["temperature"] = 0.9 });
        Assert.Equal(new[] { ("p", 0.5, false), ("temperature", 0.9, false) }, tuned.HyperParameters.Select(h => (h.Name, h.Value, h.IsDefault)));
        Assert.All(Bernoullis(tuned), p => Assert.Equal(0.5, p));
        Assert.Equal(new[] { 0.9, 0.9 }, Divisions(tuned));

        using var cell = StdlibCells.Spec.CreateCell("G2LSTM", 3, 4, new Dictionary<string, double> { ["temperature"] = 0.9 });
        Assert.Equal(0.9, cell.Ir.HyperParameters.Single(h => h.Name == "temperature").Value);
    }

    [Fact]
    public void Unknown_names_and_values_outside_the_support_are_refused_with_the_declarations()
    {
        var unknown = Assert.Throws<ArgumentException>(() => StdlibCells.Spec.Cell("G2LSTM", new Dictionary<string, double> { ["tau"] = 2 }));
        Assert.Contains("cell G2LSTM has no hyperparameter 'tau'; it has p, temperature", unknown.Message);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => StdlibCells.Spec.Cell("G2LSTM", new Dictionary<string, double> { ["p"] = 1.5 }));
        Assert.Contains("hyperparameter 'p' of cell G2LSTM is UnitInterval and must be a finite number in (0, 1), but is 1.5", outside.Message);
        var none = Assert.Throws<ArgumentException>(() => StdlibCells.Spec.Cell("LSTM", new Dictionary<string, double> { ["p"] = 0.1 }));
        Assert.Contains("it has none", none.Message);
        var cell = Assert.Throws<ArgumentException>(() => StdlibCells.Spec.Cell("BBetaLSTM5g"));
        Assert.Contains("did you mean", cell.Message);
        Assert.Contains("BBetaLSTM5G", cell.Message);
    }

    private static IEnumerable<double> Bernoullis(IrCell cell) =>
        cell.Training.Draws.Where(d => d.Law == PrimitiveKind.Bernoulli).Select(d => ((IrConstant)cell.Training.Nodes[d.Arguments[0]]).Value);

    private static double[] Divisions(IrCell cell) =>
        cell.Training.Nodes.OfType<IrBinary>().Where(b => b.Operator == BinaryOperator.Divide && cell.Training.Nodes[b.Right] is IrConstant)
            .Select(b => ((IrConstant)cell.Training.Nodes[b.Right]).Value).ToArray();
}
