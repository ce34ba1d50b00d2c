namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// UK_NINO: two prefix letters (neither D, F, I, Q, U nor V; the second not O; not BG, GB, KN, NK, NT, TN or ZZ),
/// six digits (compact or in pairs separated by spaces) and a suffix A-D. Upper case scores 0.5; lower case only
/// after a context word.
/// </summary>
internal sealed class UkNinoRecognizer()
    : Recognizer("UkNinoRecognizer", [PiiEntities.UkNino], ["national insurance", "ni number", "nino", "insurance"])
{
    private static readonly string[] Gate = ["national", "insurance", "nino", "ni"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UkNino)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var next = 0; // runs before this one belong to a NINO already reported
        foreach (var r in index.Candidates(RunKind.UkNino))
        {
            if (r < next) continue;
            var s = index.Starts[r];
            var len = index.Ends[r] - s;
            if (len is not (2 or 6) || (index.Shapes[r] & (RunShape.LetterBefore | RunShape.WordNearby)) == 0) continue;
            var prefixEnd = text[s - (s > 0 ? 1 : 0)] == ' ' ? s - 1 : s;
            if (prefixEnd < 2) continue;
            char a = text[prefixEnd - 2], b = text[prefixEnd - 1];
            if (!ValidPrefix(a, b) || char.IsAsciiLetterOrDigit(TextAround.At(text, prefixEnd - 3))) continue;
            var i = s;
            var digits = 0;
            var spaced = len == 2;
            while (digits < 6)
            {
                var step = spaced ? 2 : 6;
                if (i + step > text.Length || text.AsSpan(i, step).ContainsAnyExceptInRange('0', '9')) break;
                digits += step;
                i += step;
                if (spaced && digits < 6)
                {
                    if (TextAround.At(text, i) != ' ') break;
                    i++;
                }
            }
            if (digits != 6) continue;
            if (TextAround.At(text, i) == ' ') i++;
            var suffix = TextAround.At(text, i);
            if (char.ToUpperInvariant(suffix) is not ('A' or 'B' or 'C' or 'D') || char.IsAsciiLetterOrDigit(TextAround.At(text, i + 1))) continue;
            var lower = char.IsAsciiLetterLower(a) || char.IsAsciiLetterLower(b) || char.IsAsciiLetterLower(suffix);
            if (lower && !TextAround.HasContextBefore(text, prefixEnd - 2, Gate)) continue;
            sink.Add(this, PiiEntities.UkNino, prefixEnd - 2, i + 1, 0.5, "NINO", "prefix, 6 digits, suffix A-D", null,
                "Identified as UK_NINO by a valid prefix, six digits and a suffix A-D");
            next = index.FirstAtOrAfter(i + 1);
        }
    }

    private static bool ValidPrefix(char a, char b)
    {
        if (!char.IsAsciiLetter(a) || !char.IsAsciiLetter(b)) return false;
        a = char.ToUpperInvariant(a);
        b = char.ToUpperInvariant(b);
        if (a is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || b is 'D' or 'F' or 'I' or 'O' or 'Q' or 'U' or 'V') return false;
        return (a, b) is not (('B', 'G') or ('G', 'B') or ('K', 'N') or ('N', 'K') or ('N', 'T') or ('T', 'N') or ('Z', 'Z'));
    }
}
