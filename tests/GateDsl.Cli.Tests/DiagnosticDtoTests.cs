using GateDsl.Cli.Json;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Text;

namespace GateDsl.Cli.Tests;

public sealed class DiagnosticDtoTests
{
    [Fact]
    public void A_warning_has_severity_warning_and_1_based_end_position()
    {
        var source = new SourceText("cell C {\n  draw spare ~ Logistic()\n}\n", "c.gate");
        var start = source.Text.IndexOf("spare", StringComparison.Ordinal);
        var diagnostic = new Diagnostic(DiagnosticCatalog.UnusedDraw, source, new TextSpan(start, 5), "spare");

        var dto = DiagnosticDto.From(diagnostic);

        Assert.Equal(new DiagnosticDto("GATE0901", "warning", "c.gate", 2, 8, 2, 13, "draw 'spare' is never used"), dto);
    }
}
