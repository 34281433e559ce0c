using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The stdlib cells written by hand from the equations of PAPER.md (Song et al. 2020), independent
/// of the compiler: given the fused pre-activations z [B, K*H] of a step, each returns the gates and
/// the step's KL per row. Heads are numbered as the spec writes its `linear`s (families member by
/// member); draws are asked for by the name the compiled program gives them, through the same
/// keyed draw source, so both see identical draws.
/// </summary>
internal static class PaperCells
{
    private const double Eps = 1e-3;

    public delegate (Tensor I, Tensor F, Tensor O, Tensor G, Tensor? Kl) Step(Tensor z, long hidden, Func<string, PrimitiveKind, Tensor[], Tensor> draw, bool training);

    public static Step For(string cell) => cell switch
    {
        "CIFG" => Cifg,
        "G2LSTM" => G2Lstm,
        "BetaLSTM" => BetaLstm,
        "BBetaLSTM" => BBetaLstm,
        "BBetaLSTM5G" => (z, h, d, t) => FiveGamma(z, h, d, t, prior: false),
        "BBetaLSTM5GPrior" => (z, h, d, t) => FiveGamma(z, h, d, t, prior: true),
        "KumaraswamyLSTM" => Kumaraswamy,
        _ => throw new ArgumentException(cell),
    };

    /// <summary>A draw function over a keyed source: the name is looked up in the program being run.</summary>
    public static Func<string, PrimitiveKind, Tensor[], Tensor> Draws(IDrawSource source, IrProgram program, int layer, long sequence, long step) =>
        (name, law, parameters) =>
        {
            var draw = program.Names.Where(n => n.Value == name).Select(n => program.Nodes[n.Key]).OfType<IrDraw>().SingleOrDefault()
                ?? throw new InvalidOperationException($"the compiled program has no draw named {name}");
            Assert.Equal(law, draw.Law);
            var key = new DrawKey(layer, sequence, step, draw.Id);

            // Compiled cells form Gamma ratios from log draws (IrRatio); the paper's equations take the draws themselves.
            return law == PrimitiveKind.Gamma ? source.DrawLogGamma(key, parameters[0]).exp() : source.Draw(key, law, parameters);
        };

    private static Tensor Head(Tensor z, long hidden, int k) => z.narrow(1, k * hidden, hidden);

    private static Tensor Shape(Tensor z, long hidden, int k) => nn.functional.softplus(Head(z, hidden, k)).add(Eps);

    private static Tensor One(Tensor like) => torch.ones_like(like);

    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) Cifg(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training)
    {
        var i = Head(z, h, 0).sigmoid();
        return (i, 1 - i, Head(z, h, 1).sigmoid(), Head(z, h, 2).tanh(), null);
    }

    // G2-LSTM (Li et al. 2018): logistic noise on the i and f pre-activations with probability p = 0.2,
    // temperature 1; no noise at evaluation.
    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) G2Lstm(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training)
    {
        var zi = Head(z, h, 0);
        var zf = Head(z, h, 1);
        if (training)
        {
            var noiseI = d("noise_i", PrimitiveKind.Logistic, [torch.zeros_like(zi), One(zi)]);
            var noiseF = d("noise_f", PrimitiveKind.Logistic, [torch.zeros_like(zi), One(zi)]);
            var useI = d("use_i", PrimitiveKind.Bernoulli, [torch.full_like(zi, 0.2)]);
            var useF = d("use_f", PrimitiveKind.Bernoulli, [torch.full_like(zi, 0.2)]);
            zi = zi + (noiseI * useI);
            zf = zf + (noiseF * useF);
        }

        return (zi.sigmoid(), zf.sigmoid(), Head(z, h, 2).sigmoid(), Head(z, h, 3).tanh(), null);
    }

    // Beta-LSTM: i = G0 / (G0 + G1), f = G2 / (G2 + G3); evaluation: the Beta means a / (a + b).
    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) BetaLstm(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training)
    {
        Tensor Gate(string name, int head)
        {
            var a = Shape(z, h, head);
            var b = Shape(z, h, head + 1);
            if (!training)
            {
                return a / (a + b);
            }

            var u = d(name + ".u", PrimitiveKind.Gamma, [a, One(a)]);
            var v = d(name + ".v", PrimitiveKind.Gamma, [b, One(b)]);
            return u / (u + v);
        }

        return (Gate("i", 0), Gate("f", 2), Head(z, h, 4).sigmoid(), Head(z, h, 5).tanh(), null);
    }

    // BBeta-LSTM (3 Gammas, Olkin-Liu): i = G1 / (G1 + G2), f = G0 / (G0 + G2).
    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) BBetaLstm(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training)
    {
        var a0 = Shape(z, h, 0);
        var a1 = Shape(z, h, 1);
        var a2 = Shape(z, h, 2);
        Tensor i, f;
        if (training)
        {
            var g1 = d("(i, f).u", PrimitiveKind.Gamma, [a1, One(a1)]);
            var g0 = d("(i, f).v", PrimitiveKind.Gamma, [a0, One(a0)]);
            var g2 = d("(i, f).w", PrimitiveKind.Gamma, [a2, One(a2)]);
            (i, f) = (g1 / (g1 + g2), g0 / (g0 + g2));
        }
        else
        {
            (i, f) = (a1 / (a1 + a2), a0 / (a0 + a2));
        }

        return (i, f, Head(z, h, 3).sigmoid(), Head(z, h, 4).tanh(), null);
    }

    // BBeta-LSTM (5G): i = (G1 + G3) / (G1 + G3 + G4 + G5), f = (G2 + G4) / (G2 + G4 + G3 + G5);
    // 5G+p adds 1e-3 * KL(Ga(a_k, 1) || Ga(0.5, 1)) = (a - 0.5) psi(a) - lgamma(a) + lgamma(0.5) per Gamma and unit.
    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) FiveGamma(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training, bool prior)
    {
        var a = Enumerable.Range(0, 5).Select(k => Shape(z, h, k)).ToArray();
        var g = training
            ? a.Select((shape, k) => d($"g[{k + 1}]", PrimitiveKind.Gamma, [shape, One(shape)])).ToArray()
            : a;
        var i = (g[0] + g[2]) / (g[0] + g[2] + g[3] + g[4]);
        var f = (g[1] + g[3]) / (g[1] + g[3] + g[2] + g[4]);
        Tensor? kl = null;
        if (prior)
        {
            var lgammaHalf = 0.5723649429247001; // ln Gamma(1/2) = ln sqrt(pi)
            kl = a.Select(x => ((x - 0.5) * x.digamma()) - x.lgamma() + lgammaHalf).Aggregate((p, q) => p + q).sum(dim: 1) * 1e-3;
        }

        return (i, f, Head(z, h, 5).sigmoid(), Head(z, h, 6).tanh(), kl);
    }

    // Kumaraswamy gates by the inverse CDF: x = (1 - (1 - u)^(1/b))^(1/a); evaluation: the mean b B(1 + 1/a, b).
    private static (Tensor, Tensor, Tensor, Tensor, Tensor?) Kumaraswamy(Tensor z, long h, Func<string, PrimitiveKind, Tensor[], Tensor> d, bool training)
    {
        Tensor Gate(string name, int head)
        {
            var a = Shape(z, h, head);
            var b = Shape(z, h, head + 1);
            if (!training)
            {
                var s = 1 + (1 / a);
                return (b.log() + s.lgamma() + b.lgamma() - (s + b).lgamma()).exp();
            }

            var u = d(name + ".u", PrimitiveKind.Uniform, [torch.zeros_like(a), One(a)]);
            return (1 - (1 - u).pow(1 / b)).pow(1 / a);
        }

        return (Gate("i", 0), Gate("f", 2), Head(z, h, 4).sigmoid(), Head(z, h, 5).tanh(), null);
    }
}
