// A user's own console program, built by the packaging test outside the repository against the
// GateDsl packages of a local pack folder (see ConsumerProjectTests). It references GateDsl.Compiler
// and GateDsl.Reference only: GateDsl.Language, GateDsl.Distributions and TorchSharp come through them.
// Every line it prints is a fact the test checks; nothing here is statistical.
using GateDsl.Distributions;
using GateDsl.Language;
using GateDsl.Reference;
using static TorchSharp.torch;

// The language: the README's bivariate Beta-LSTM, importing the embedded standard library.
var compilation = Compilation.FromText("""
    import "distributions.gate"
    cell BBetaLSTM {
      let a0 = softplus(linear) + 1e-3
      let a1 = softplus(linear) + 1e-3
      let a2 = softplus(linear) + 1e-3
      gate (i, f) ~ BivariateBeta(a1, a0, a2)
      gate o = sigmoid(linear)
      candidate = tanh(linear)
      evaluate mean
    }
    """, "user.gate");
foreach (var diagnostic in compilation.Diagnostics)
{
    Console.WriteLine(diagnostic);
}

Console.WriteLine($"cells: {string.Join(", ", compilation.Cells.Select(c => c.Name))}");
Console.WriteLine($"diagnostics: {compilation.Diagnostics.Count}");

// The distributions, through TorchSharp's native library: correlated gates with gradients.
using var generator = new Generator(seed: 7);
var a = tensor(new[] { 2.0, 0.5 }, dtype: float64, requires_grad: true);
var b = tensor(new[] { 3.0, 0.5 }, dtype: float64, requires_grad: true);
var c = tensor(new[] { 1.5, 0.25 }, dtype: float64, requires_grad: true);
var pair = new BivariateBeta(a, b, c);
var (i, f) = pair.RSample([4000], generator);
(i * f).mean().backward();

var inside = (i > 0).all().item<bool>() && (i < 1).all().item<bool>() && (f > 0).all().item<bool>() && (f < 1).all().item<bool>();
Console.WriteLine($"draws: {i.shape[0]}x{i.shape[1]}, all in (0, 1): {inside}");
var gradients = new[] { a.grad!, b.grad!, c.grad! }.SelectMany(g => g.data<double>().ToArray()).ToArray();
Console.WriteLine($"gradients: {string.Join(", ", gradients.Select(g => g.ToString("G6")))}");
Console.WriteLine($"gradients finite and nonzero: {gradients.All(g => double.IsFinite(g) && g != 0)}");

// The reference: the toolkit's closed-form correlation against the MathNet twin (no sampling).
var toolkit = pair.Correlation().data<double>().ToArray();
var reference = new[] { new BivariateBetaReference(2.0, 3.0, 1.5), new BivariateBetaReference(0.5, 0.5, 0.25) }
    .Select(r => r.Correlation).ToArray();
var gap = toolkit.Zip(reference, (x, y) => Math.Abs(x - y)).Max();
Console.WriteLine($"correlation: {string.Join(", ", toolkit.Select(x => x.ToString("G6")))} (reference gap {gap:G3})");
Console.WriteLine($"correlation matches reference: {gap < 1e-9}");
