using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>Small text helpers shared by the binder's messages.</summary>
internal static class BindingText
{
    /// <summary><c>path(line,col)</c>, as diagnostics print positions.</summary>
    public static string Location(SourceText source, TextSpan span)
    {
        var position = source.GetLinePosition(span.Start);
        return $"{source.Path}({position.Line},{position.Column})";
    }

    /// <summary>"1 argument", "3 arguments".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>"1 argument", "1 to 2 arguments".</summary>
    public static string Range(int low, int high, string noun) =>
        low == high ? Count(low, noun) : $"{low} to {high} {noun}s";
}
