using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace GateDsl.Language.Tests.Generators;

/// <summary>Generators of text that is mostly not a valid spec: random characters and random token sequences.</summary>
public static class NoiseGen
{
    /// <summary>The grammar's vocabulary as users write it, plus near-misses the lexer must survive.</summary>
    public static readonly string[] Vocabulary =
    {
        "import", "distribution", "cell", "const", "let", "draw", "gate", "candidate", "value", "prior", "weight", "evaluate", "linear",
        "i", "f", "o", "g", "u", "eps", "Gamma", "Beta", "BivariateBeta", "softplus", "sigmoid", "tanh", "exp", "mean", "sample", "mode",
        "Positive", "Real", "UnitInterval", "_x9",
        "0", "1", "5", "0.5", "1e-3", "2.5E+2", ".5", "007", "99999999999", "1e999", "1e", "1.", "1..5", "..",
        "(", ")", "{", "}", "[", "]", ",", ":", "=", "~", "+", "-", "*", "/", "^", ";", ".",
        "\"distributions.gate\"", "\"cells.gate\"", "\"nowhere.gate\"", "\"", "\"unterminated",
        "// comment", "/* block */", "/*", "*/", "#", "@", "é", "\t", "\u00a0",
    };

    private static readonly string[] Fragments =
    {
        "/*", "*/", "//", "\"", "..", "\r\n", "\r", "\n", "\0", "\u001b", "\u2028", "\uFEFF", "\uD83D\uDE00", "\uD800", "\uDFFF",
        "cell X {", "gate i = ", "}", "(", "[", "draw g[1..5] ~ Gamma(", "1e-3", "import \"",
    };

    /// <summary>Random text: any UTF-16 code unit (lone surrogates and control characters included), mixed with fragments that stress the lexer.</summary>
    public static Gen<string> RandomText { get; } =
        Gen.ListOf(Gen.Frequency(
                (4, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
                (6, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
                (2, Gen.Elements("\t", "\n", "\r", " ", "\u0001", "\u007f")),
                (3, Gen.Elements(Fragments)),
                (3, Gen.Elements(Vocabulary))))
            .Select(parts => string.Concat(parts));

    /// <summary>Random sequences of the grammar's tokens, separated by random whitespace (or none).</summary>
    public static Gen<string> TokenSequence { get; } =
        Gen.ListOf(
                from token in Gen.Elements(Vocabulary)
                from space in Gen.Elements(" ", " ", " ", "\n", "", "\r\n", "  ")
                select token + space)
            .Select(parts => string.Concat(parts));

    /// <summary>A token sequence that starts like a real item, so the parser gets deeper before it fails.</summary>
    public static Gen<string> ItemPrefixedTokens { get; } =
        from prefix in Gen.Elements("cell X {\n", "distribution D(a: Positive) {\n", "const c = ", "cell Y(p: UnitInterval = 0.2) { gate i = ", "")
        from tokens in TokenSequence
        from suffix in Gen.Elements("}", "", "\n}\n", ")")
        select prefix + tokens + suffix;

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="unit"/>; for deep-nesting cases.</summary>
    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
