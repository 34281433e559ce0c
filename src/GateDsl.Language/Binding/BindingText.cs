using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>Small text helpers shared by the binder's messages.</summary>
internal static class BindingText
{
    /// <summary>
    /// Where an earlier definition is, as seen from a diagnostic in <paramref name="reportedIn"/>:
    /// "line 3" in the same file (the diagnostic already names it), <c>path(line,col)</c> in another.
    /// </summary>
    public static string Location(SourceText source, TextSpan span, SourceText reportedIn)
    {
        var position = source.GetLinePosition(span.Start);
        return ReferenceEquals(source, reportedIn)
            ? $"line {position.Line}"
            : $"{source.Path}({position.Line},{position.Column})";
    }

    /// <summary>A position in the file being reported on: "line 3".</summary>
    public static string Location(SourceText source, TextSpan span) => Location(source, span, source);

    /// <summary>"1 argument", "3 arguments".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>"1 argument", "1 to 2 arguments".</summary>
    public static string Range(int low, int high, string noun) =>
        low == high ? Count(low, noun) : $"{low} to {high} {noun}s";
}
