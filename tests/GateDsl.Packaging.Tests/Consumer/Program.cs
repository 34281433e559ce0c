// A user's own console program, built by the packaging test outside the repository against the
// GateDsl packages of a local pack folder (see ConsumerProjectTests). It references GateDsl.Compiler
// and GateDsl.Reference only: GateDsl.Language, GateDsl.Distributions and TorchSharp come through them.
// Every line it prints is a fact the test checks; nothing here is statistical.
using GateDsl.Compiler;
using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Distributions;
using GateDsl.Reference;
using static TorchSharp.torch;

// The compiler, as issue 7's "Done when" has it: compile the standard library's cells, create a
// 2-layer BBetaLSTM5GPrior layer, run a padded batch, and backpropagate the data loss plus the KL.
var spec = GateCompiler.CompileStandardLibrary("cells.gate");
var layer = spec.CreateLayer("BBetaLSTM5GPrior", inputSize: 88, hiddenSize: 32, layers: 2, dropout: 0.2, dropoutKind: DropoutKind.Locked);
var readout = nn.Linear(32, 88);
var rolls = rand(25, 4, 88, generator: new Generator(seed: 1)).gt(0.8).to(float32);          // piano rolls [T, B, 88]
var mask = arange(25).unsqueeze(1).lt(tensor(new long[] { 25, 17, 9, 3 }).unsqueeze(0));   // [T, B]: padded at the end
var result = layer.call(rolls, mask, null);
var next = mask.narrow(0, 1, 24);                                                          // frames t + 1 that exist
var nll = nn.functional.binary_cross_entropy_with_logits(readout.call(result.Output.narrow(0, 0, 24)), rolls.narrow(0, 1, 24), reduction: nn.Reduction.None).sum(-1);
var loss = (nll * next).sum() / next.sum() + 1e-3 * result.Kl;
loss.backward();

foreach (var diagnostic in spec.Diagnostics)
{
    Console.WriteLine(diagnostic);
}

Console.WriteLine($"cells: {string.Join(", ", spec.CellNames)}");
Console.WriteLine($"diagnostics: {spec.Diagnostics.Count}");
Console.WriteLine($"output: {string.Join("x", result.Output.shape)}, parameters: {layer.ParameterCount}");
Console.WriteLine($"loss and KL finite and positive: {double.IsFinite(loss.item<float>()) && result.Kl.item<float>() > 0}");
var allGradients = layer.parameters().All(p => p.grad is { } g && g.isfinite().all().item<bool>() && g.abs().sum().item<float>() > 0);
Console.WriteLine($"every weight has a finite nonzero gradient: {allGradients}");

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
