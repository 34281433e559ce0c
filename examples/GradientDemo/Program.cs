using GateDsl.Distributions;
using TorchSharp;
using static TorchSharp.torch;

// Correlated input and forget gates from the Olkin-Liu bivariate Beta, as in a BBeta-LSTM cell:
// draw them, build a loss from them, and read the gradients on the three Gamma shapes.
// TorchSharp's own Beta.rsample() carries no gradient; GateDsl's samplers do (implicit
// reparameterization of the underlying Gamma draws).
using var generator = new Generator(seed: 7);
var a = tensor(new[] { 2.0, 0.5 }, dtype: float64, requires_grad: true);
var b = tensor(new[] { 3.0, 0.5 }, dtype: float64, requires_grad: true);
var c = tensor(new[] { 1.5, 1e-3 }, dtype: float64, requires_grad: true);

var (i, f) = new BivariateBeta(a, b, c).RSample([10_000], generator);
var loss = (i * f).mean();   // a Monte Carlo estimate of E[i f], summed over the two batch entries
loss.sum().backward();

Console.WriteLine("E[i f] estimate per batch entry: " + string.Join(", ", (i * f).mean([0]).data<double>().Select(v => v.ToString("F4"))));
Console.WriteLine("d/da: " + Format(a.grad!));
Console.WriteLine("d/db: " + Format(b.grad!));
Console.WriteLine("d/dc: " + Format(c.grad!));

// Tiny shapes neither underflow to 0/0 nor lose their gradient: draws are formed in log space.
var tiny = tensor(1e-3, dtype: float64, requires_grad: true);
var x = new Beta(tiny, tiny).RSample([1000], generator);
x.mean().backward();
Console.WriteLine($"Beta(1e-3, 1e-3): draws in ({x.min().item<double>():G3}, {x.max().item<double>():G3}), gradient {tiny.grad!.item<double>():G4} (finite: {double.IsFinite(tiny.grad!.item<double>())})");

static string Format(Tensor t) => string.Join(", ", t.data<double>().Select(v => v.ToString("F4")));
