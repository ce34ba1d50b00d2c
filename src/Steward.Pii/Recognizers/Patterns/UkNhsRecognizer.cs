namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// UK_NHS: ten digits, compact or 3-3-4 with spaces or hyphens, whose mod-11 check digit is valid (score 1.0).
/// Ten-digit numbers are mostly phone numbers and order numbers, and one in eleven passes the check by chance,
/// so a result needs an NHS context word among the five words before it.
/// </summary>
internal sealed class UkNhsRecognizer()
    : Recognizer("NhsRecognizer", [PiiEntities.UkNhs], ["national health service", "nhs", "health services authority", "health authority", "patient", "medical"])
{
    private const string Separators = " -";
    private static readonly string[] Gate = ["nhs", "health", "patient", "medical", "hospital", "gp"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UkNhs)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        Span<char> digits = stackalloc char[10];
        var next = 0; // runs before this one belong to a number already judged
        foreach (var r in index.Candidates(RunKind.UkNhs))
        {
            if (r < next) continue;
            var length = index.Ends[r] - index.Starts[r];
            if (length is not (3 or 10) || char.IsAsciiLetterOrDigit(TextAround.At(text, index.Starts[r] - 1))) continue;
            if (length == 3 && (index.Shapes[r] & RunShape.JoinsRight) == 0) continue;
            if (DigitChain.ContinuesLeft(index, r, Separators)) continue;
            var chain = DigitChain.Follow(index, r, Separators, 3, out var truncated);
            next = r + chain.Groups;
            if (truncated || chain.Digits != 10 || chain.Groups == 2 || char.IsAsciiLetterOrDigit(TextAround.At(text, chain.End))) continue;
            if (chain.Groups == 3 && chain.GroupLength(index, 1) != 3) continue;
            var n = 0;
            foreach (var c in text.AsSpan(chain.Start, chain.End - chain.Start)) if (char.IsAsciiDigit(c)) digits[n++] = c;
            if (!Checksums.NhsMod11(digits) || !TextAround.HasContextBefore(text, chain.Start, Gate)) continue;
            sink.Add(this, PiiEntities.UkNhs, chain.Start, chain.End, 1.0, "NHS number", "3-3-4 digits, mod 11", true,
                "Identified as UK_NHS: a valid mod-11 check digit after an NHS context word");
        }
    }
}
