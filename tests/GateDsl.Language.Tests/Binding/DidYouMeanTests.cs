using GateDsl.Language.Binding;

namespace GateDsl.Language.Tests.Binding;

/// <summary>Suggestions for misspelled names.</summary>
public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("softpls", "softplus")]
    [InlineData("sigmiod", "sigmoid")]
    [InlineData("Gama", "Gamma")]
    [InlineData("Postive", "Positive")]
    [InlineData("maen", "mean")]
    [InlineData("UnitIntreval", "UnitInterval")]
    public void Suggests_the_closest(string typo, string expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(typo, new[] { "softplus", "sigmoid", "Gamma", "Positive", "mean", "UnitInterval", "mode", "tanh" }));

    [Theory]
    [InlineData("completely")]
    [InlineData("")]
    [InlineData("x")]
    public void Stays_quiet_when_nothing_is_close(string name) =>
        Assert.Null(DidYouMean.Suggest(name, new[] { "softplus", "sigmoid", "ab" }));

    /// <summary>
    /// gatec's cell names go through the same suggestion: a name typed in the wrong case is found
    /// however many letters differ only in case, and among equally close candidates the one whose
    /// case matches wins.
    /// </summary>
    [Theory]
    [InlineData("bbetalstm5g", "BBetaLSTM5G")]
    [InlineData("BBetaLSTM5g", "BBetaLSTM5G")]
    [InlineData("lstm", "LSTM")]
    [InlineData("LSMT", "LSTM")]
    public void Case_differences_are_free_and_break_ties(string typo, string expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(typo, new[] { "BBetaLSTM5G", "BBetaLSTM", "LSTM", "lstm2", "CIFG" }));

    [Fact]
    public void Equally_close_candidates_prefer_the_matching_case() =>
        Assert.Equal("Beta", DidYouMean.Suggest("Betx", new[] { "BETA", "Beta" }));

    [Fact]
    public void Transposition_costs_one_edit() => Assert.Equal(1, DidYouMean.Distance("mena", "mean"));

    [Fact]
    public void Undefined_name_suggests_a_visible_local()
    {
        var text = "cell C {\n  let alpha = softplus(linear)\n  draw g ~ Gamma(alpah)\n  gate i = g / (g + 1)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n";
        var diagnostic = BindingAssert.Has(text, "GATE0201", 3, 18);
        Assert.Equal("'alpah' is not defined: did you mean 'alpha'?", diagnostic.Message);
    }
}
