namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// MEDICAL_LICENSE: a DEA registration number, a registrant-type letter (A-U, X), a letter (or 9) and seven
/// digits whose check digit holds (score 1.0; a failing check is not reported).
/// </summary>
internal sealed class MedicalLicenseRecognizer()
    : Recognizer("MedicalLicenseRecognizer", [PiiEntities.MedicalLicense], ["medical", "certificate", "dea", "license", "licence", "registration"])
{
    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.MedicalLicense)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        foreach (var r in index.Candidates(RunKind.MedicalLicense))
        {
            if ((index.Shapes[r] & RunShape.LetterBefore) == 0) continue;
            var s = index.Starts[r];
            var e = index.Ends[r];
            var len = e - s;
            int start;
            if (len == 7 && s >= 2 && char.IsAsciiLetter(text[s - 1])) start = s - 2;
            else if (len == 8 && s >= 1 && text[s] == '9') start = s - 1;
            else continue;
            if (!IsRegistrantType(text[start]) || char.IsAsciiLetterOrDigit(TextAround.At(text, start - 1)) || char.IsAsciiLetterOrDigit(TextAround.At(text, e))) continue;
            if (!Checksums.Dea(text.AsSpan(e - 7, 7))) continue;
            sink.Add(this, PiiEntities.MedicalLicense, start, e, 1.0, "DEA number", "registrant letter, letter or 9, seven digits with check digit", true,
                "Identified as MEDICAL_LICENSE: a DEA number with a valid check digit");
        }
    }

    private static bool IsRegistrantType(char c) => char.ToUpperInvariant(c) is (>= 'A' and <= 'H') or 'J' or 'K' or 'L' or 'M' or 'P' or 'R' or 'S' or 'T' or 'U' or 'X';
}
