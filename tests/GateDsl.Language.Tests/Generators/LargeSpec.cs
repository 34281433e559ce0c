using System.Globalization;
using System.Text;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// A large, valid spec file for speed measurements: many distributions and cells in the shapes of
/// the stdlib (Gamma ratios, joint laws bound to two gates, families with priors, hyperparameters),
/// each with its own names, so that binding does real work for every line. Deterministic for a
/// seed, and free of test-framework dependencies so that the benchmark project can link this file.
/// </summary>
public static class LargeSpec
{
    /// <summary>A spec of at least <paramref name="minimumLines"/> lines.</summary>
    public static string Generate(int minimumLines = 10_000, int seed = 2020)
    {
        var random = new Random(seed);
        var b = new StringBuilder();
        b.Append("// A generated spec for measuring the GATE front end: ").Append(minimumLines.ToString(CultureInfo.InvariantCulture)).Append("+ lines.\n");
        b.Append("const eps = 1e-3\n");
        b.Append("const kl_lambda = 1e-3\n");
        var lines = 3;
        for (var k = 0; lines < minimumLines; k++)
        {
            lines += Block(b, k, random);
        }

        return b.ToString();
    }

    /// <summary>Appends four distributions and the cells that use them; returns the number of lines written.</summary>
    private static int Block(StringBuilder b, int k, Random random)
    {
        var s = k.ToString(CultureInfo.InvariantCulture);
        var text = $$"""

            // Block {{s}}: a Beta as a Gamma ratio.
            distribution Beta{{s}}(a: Positive, b: Positive) {
              draw u ~ Gamma(a)
              draw v ~ Gamma(b)
              value u / (u + v)
            }

            // Olkin-Liu: a shared Gamma in both denominators.
            distribution BivariateBeta{{s}}(a: Positive, b: Positive, c: Positive) {
              draw u ~ Gamma(a)
              draw v ~ Gamma(b)
              draw w ~ Gamma(c)
              value (u / (u + w), v / (v + w))
            }

            distribution BivariateBeta5G{{s}}(a1: Positive, a2: Positive, a3: Positive, a4: Positive, a5: Positive) {
              draw g1 ~ Gamma(a1)
              draw g2 ~ Gamma(a2)
              draw g3 ~ Gamma(a3)
              draw g4 ~ Gamma(a4)
              draw g5 ~ Gamma(a5)
              value ((g1 + g3) / (g1 + g3 + g4 + g5), (g2 + g4) / (g2 + g4 + g3 + g5))
            }

            distribution Kumaraswamy{{s}}(a: Positive, b: Positive) {
              draw u ~ Uniform()
              value (1 - (1 - u) ^ (1 / b)) ^ (1 / a)
            }

            cell LSTM{{s}} {
              gate i = sigmoid(linear)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }

            cell CIFG{{s}} {
              gate i = sigmoid(linear)
              gate f = 1 - i
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }

            cell G2LSTM{{s}}(p: UnitInterval = 0.{{random.Next(1, 9)}}, temperature: Positive = {{random.Next(1, 5)}}.0) {
              draw noise_i ~ Logistic()
              draw noise_f ~ Logistic()
              draw use_i ~ Bernoulli(p)
              draw use_f ~ Bernoulli(p)
              gate i = sigmoid((linear + use_i * noise_i) / temperature)
              gate f = sigmoid((linear + use_f * noise_f) / temperature)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }

            cell BetaLSTM{{s}} {
              gate i ~ Beta{{s}}(softplus(linear) + eps, softplus(linear) + eps)
              gate f ~ Beta{{s}}(softplus(linear) + eps, softplus(linear) + eps)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }

            cell BBetaLSTM{{s}} {
              let a0 = softplus(linear) + eps
              let a1 = softplus(linear) + eps
              let a2 = softplus(linear) + eps
              gate (i, f) ~ BivariateBeta{{s}}(a1, a0, a2) // i and f share a2
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }

            cell BBetaLSTM5G{{s}} {
              draw g[1..5] ~ Gamma(softplus(linear) + eps)
              gate i = (g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])
              gate f = (g[2] + g[4]) / (g[2] + g[4] + g[3] + g[5])
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              prior g[1..5] ~ Gamma(0.5, 1) weight kl_lambda
              evaluate {{(random.Next(2) == 0 ? "mean" : "sample")}}
            }

            cell BBeta5GJoint{{s}} {
              gate (i, f) ~ BivariateBeta5G{{s}}(softplus(linear) + eps, softplus(linear) + eps, softplus(linear) + eps, softplus(linear) + eps, softplus(linear) + eps)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }

            cell KumaraswamyLSTM{{s}} {
              gate i ~ Kumaraswamy{{s}}(softplus(linear) + eps, softplus(linear) + eps)
              gate f ~ Kumaraswamy{{s}}(softplus(linear) + eps, softplus(linear) + eps)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }

            """;
        b.Append(text);
        return text.Count(c => c == '\n');
    }
}
