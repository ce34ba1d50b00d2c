namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// US_DRIVER_LICENSE: the state formats (letters and digits such as A1234567, AB123456, 123456789A, 12ABC12345)
/// score 0.3 and plain numbers of 6 to 14 digits 0.01. Presidio reports these shapes everywhere and they are
/// mostly not licences, so a result needs a licence context word among the six words before it.
/// </summary>
internal sealed class UsDriverLicenseRecognizer()
    : Recognizer("UsLicenseRecognizer", [PiiEntities.UsDriverLicense], ["driver", "license", "permit", "lic", "identification", "dls", "cdls", "lic#", "driving", "licence"])
{
    /// <summary>One digit run per this many characters or more makes the text dense enough to search for a gate word first.</summary>
    private const int DenseRuns = 32;

    private static readonly ContextGate Gate = new(["driver", "drivers", "driving", "license", "licence", "dl", "dln", "lic", "permit", "cdl"]);

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UsDriverLicense)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        // Every result needs a gate word before it. Where digit runs are dense (logs: one in every few characters)
        // one search of the text for a gate word costs less than visiting the runs; in prose and short cells it would cost more.
        if (index.Count >= 16 && index.Count >= text.Length / DenseRuns && !Gate.MayPass(text)) return;
        var lastEnd = -1;
        foreach (var r in index.Candidates(RunKind.UsDriverLicense))
        {
            var shape = index.Shapes[r];
            if ((shape & (RunShape.LetterBefore | RunShape.LetterAfter)) == 0 && (index.Ends[r] - index.Starts[r] is < 6 or > 14 || (shape & (RunShape.JoinsRight | RunShape.ContinuesLeft)) != 0)) continue;
            if (index.Starts[r] < lastEnd) continue; // inside the word just judged (its start is before the run's)
            var s = TextAround.AlnumStart(text, index.Starts[r]);
            if (s < lastEnd) continue;
            var e = TextAround.AlnumEnd(text, index.Ends[r]);
            lastEnd = e;
            var word = text.AsSpan(s, e - s);
            if (word.Length is < 5 or > 20 || IsGlued(text, s, e)) continue;
            var digits = TextAround.CountDigits(word);
            var letters = word.Length - digits;
            double score;
            if (letters == 0 && digits is >= 6 and <= 14) score = 0.01;
            else if (letters is >= 1 and <= 3 && digits >= 4 && !word.ContainsAnyInRange('a', 'z')) score = 0.3;
            else continue;
            if (!TextAround.HasContextBefore(text, s, Gate.Words, 6)) continue;
            sink.Add(this, PiiEntities.UsDriverLicense, s, e, score, score < 0.3 ? "Driver License - digits (very weak)" : "Driver License - Alphanumeric (weak)",
                score < 0.3 ? "6-14 digits" : "state letter and digit formats", null, "Identified as US_DRIVER_LICENSE by its shape after a licence context word");
        }
    }

    /// <summary>True when the word is glued to a neighbour by a separator and a digit (part of a longer value).</summary>
    private static bool IsGlued(string text, int s, int e) =>
        (TextAround.At(text, e) is '-' or '.' or '/' or ':' or '@' && char.IsAsciiLetterOrDigit(TextAround.At(text, e + 1)))
        || (TextAround.At(text, s - 1) is '-' or '.' or '/' or ':' or '@' && char.IsAsciiLetterOrDigit(TextAround.At(text, s - 2)));
}
