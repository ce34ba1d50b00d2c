using Steward.Pii;

namespace Steward.Cli.Tests.Commands.Pii;

/// <summary>A hand-written test recognizer: <c>TCK-</c> followed by six digits is a TICKET_ID (score 0.6; context "ticket").</summary>
internal sealed class TicketIdRecognizer() : Recognizer("TicketIdRecognizer", ["TICKET_ID"], ["ticket"])
{
    public static AnalyzerEngine Engine() => new(new RecognizerRegistry([new TicketIdRecognizer()]));

    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        var text = context.Text;
        for (var i = text.IndexOf("TCK-", StringComparison.Ordinal); i >= 0; i = text.IndexOf("TCK-", i + 1, StringComparison.Ordinal))
        {
            var end = i + 4;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - i == 10) sink.Add(this, "TICKET_ID", i, end, 0.6, "tck", "TCK-dddddd");
        }
    }
}
