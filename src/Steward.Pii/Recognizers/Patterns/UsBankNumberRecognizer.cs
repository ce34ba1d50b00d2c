namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// US_BANK_NUMBER: an account number of 8 to 17 compact digits (score 0.05). Nothing distinguishes it from any
/// other long number, so it is reported only after a banking context word.
/// </summary>
internal sealed class UsBankNumberRecognizer()
    : Recognizer("UsBankRecognizer", [PiiEntities.UsBankNumber], ["bank", "check", "account", "account#", "acct", "save", "debit", "checking", "savings", "routing"])
{
    private static readonly string[] Gate = ["bank", "account", "acct", "checking", "savings", "debit", "routing"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UsBankNumber)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        foreach (var r in index.Candidates(RunKind.UsBankNumber))
        {
            var s = index.Starts[r];
            var e = index.Ends[r];
            if (e - s is < 8 or > 17 || char.IsAsciiLetterOrDigit(TextAround.At(text, s - 1)) || char.IsAsciiLetterOrDigit(TextAround.At(text, e))) continue;
            if (TextAround.At(text, e) is '-' or '.' or '/' or ':' && char.IsAsciiDigit(TextAround.At(text, e + 1))) continue;
            if (TextAround.At(text, s - 1) is '-' or '.' or '/' or ':' or '+' && (char.IsAsciiDigit(TextAround.At(text, s - 2)) || text[s - 1] == '+')) continue;
            if (!TextAround.HasContextBefore(text, s, Gate)) continue;
            sink.Add(this, PiiEntities.UsBankNumber, s, e, 0.05, "Bank account (weak)", "8-17 digits", null,
                "Identified as US_BANK_NUMBER: a long number after a banking context word");
        }
    }
}
