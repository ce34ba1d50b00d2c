namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// US_PASSPORT: nine digits (score 0.05) or, for the next-generation book, a letter and eight digits (0.1).
/// Both shapes are ordinary numbers far more often than passports, so a result needs a passport context word.
/// </summary>
internal sealed class UsPassportRecognizer()
    : Recognizer("UsPassportRecognizer", [PiiEntities.UsPassport], ["us", "united", "states", "passport", "passport#", "travel", "document"])
{
    private static readonly string[] Gate = ["passport", "passports", "travel"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UsPassport)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        foreach (var r in index.Candidates(RunKind.UsPassport))
        {
            var s = index.Starts[r];
            var e = index.Ends[r];
            if (e - s is not (8 or 9)) continue; // the only lengths either form takes (checked again below)
            if (char.IsAsciiLetterOrDigit(TextAround.At(text, e)) || JoinedAfter(text, e)) continue;
            double score;
            int start;
            if (e - s == 9 && !char.IsAsciiLetterOrDigit(TextAround.At(text, s - 1)) && !JoinedBefore(text, s))
            {
                (start, score) = (s, 0.05);
            }
            else if (e - s == 8 && char.IsAsciiLetterUpper(TextAround.At(text, s - 1)) && !char.IsAsciiLetterOrDigit(TextAround.At(text, s - 2)))
            {
                (start, score) = (s - 1, 0.1);
            }
            else continue;
            if (!TextAround.HasContextBefore(text, start, Gate, 6)) continue;
            sink.Add(this, PiiEntities.UsPassport, start, e, score, score < 0.1 ? "Passport (9 digits)" : "Passport next generation (letter and 8 digits)",
                score < 0.1 ? "9 digits" : "letter and 8 digits", null, "Identified as US_PASSPORT by its shape after a passport context word");
        }
    }

    private static bool JoinedAfter(string text, int end) => TextAround.At(text, end) is '-' or '.' or '/' && char.IsAsciiDigit(TextAround.At(text, end + 1));

    private static bool JoinedBefore(string text, int start) => TextAround.At(text, start - 1) is '-' or '.' or '/' && char.IsAsciiDigit(TextAround.At(text, start - 2));
}
