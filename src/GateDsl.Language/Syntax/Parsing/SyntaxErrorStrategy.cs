using Antlr4.Runtime;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax.Parsing;

/// <summary>
/// ANTLR's default recovery, but errors become GATE diagnostics with tokens named the way users
/// write them ("unexpected `+`, expected a name") instead of ANTLR's console messages.
/// </summary>
internal sealed class SyntaxErrorStrategy : DefaultErrorStrategy
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;

    public SyntaxErrorStrategy(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e) =>
        Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e) =>
        Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        Unexpected(e.OffendingToken, recognizer.GetExpectedTokens());

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Unexpected(recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var current = recognizer.CurrentToken;
        _diagnostics.Report(
            DiagnosticCatalog.MissingToken,
            _source,
            SpanOf(current),
            TokenDisplay.Expected(GetExpectedTokens(recognizer)),
            TokenDisplay.Offending(current));
    }

    // A misspelt keyword (`candidat = ...`) gets the closest expected keyword, as misspelt names do.
    private void Unexpected(IToken token, Antlr4.Runtime.Misc.IntervalSet expected) =>
        _diagnostics.Report(
            DiagnosticCatalog.UnexpectedToken,
            _source,
            SpanOf(token),
            TokenDisplay.Offending(token),
            TokenDisplay.Expected(expected) + (token.Type == Generated.GateDslLexer.IDENT ? Binding.DidYouMean.Clause(token.Text, TokenDisplay.Keywords(expected)) : string.Empty));

    private TextSpan SpanOf(IToken token) =>
        token.Type == TokenConstants.EOF || token.StartIndex < 0
            ? new TextSpan(Math.Clamp(token.StartIndex < 0 ? _source.Length : token.StartIndex, 0, _source.Length), 0)
            : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
}
