namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// IBAN_CODE: a country code, two check digits and the national account number, compact or in groups of four
/// separated by single spaces (or hyphens); the length must match the country and the ISO 13616 mod-97 check
/// must hold (score 1.0). Candidates start at a word of two capital letters followed by two digits.
/// </summary>
internal sealed class IbanRecognizer() : Recognizer("IbanRecognizer", [PiiEntities.IbanCode], ["iban", "bank", "transaction", "account", "swift", "bic"])
{
    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.IbanCode)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        Span<char> compact = stackalloc char[40];
        var next = 0; // runs before this one belong to an IBAN already reported
        foreach (var r in index.Candidates(RunKind.Iban))
        {
            if (r < next) continue;
            if ((index.Shapes[r] & RunShape.LetterBefore) == 0) continue;
            var s = index.Starts[r];
            if (s < 2 || index.Ends[r] - s < 2) continue;
            if (!char.IsAsciiLetterUpper(text[s - 1]) || !char.IsAsciiLetterUpper(text[s - 2]) || char.IsAsciiLetterOrDigit(TextAround.At(text, s - 3))) continue;
            var length = IbanLengths.Of(text.AsSpan(s - 2, 2));
            if (length == 0) continue;
            var end = Read(text, s - 2, length, compact, out var n);
            if (end < 0 || n != length || !Checksums.IbanMod97(compact[..n])) continue;
            sink.Add(this, PiiEntities.IbanCode, s - 2, end, 1.0, "IBAN", "country code, check digits, BBAN; length per country; mod 97", true,
                "Identified as IBAN_CODE: the country's length and a valid mod-97 check");
            next = index.FirstAtOrAfter(end);
        }
    }

    /// <summary>
    /// Reads an IBAN of <paramref name="length"/> characters from <paramref name="start"/>, compact or grouped in
    /// fours, into <paramref name="compact"/>; returns the end, or -1 when the text does not hold one.
    /// </summary>
    private static int Read(string text, int start, int length, Span<char> compact, out int n)
    {
        n = 0;
        var i = start;
        var separator = '\0';
        var group = 0;
        while (i < text.Length && n < length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                if (separator != '\0' && group == 4) return -1;
                compact[n++] = c;
                group++;
                i++;
                continue;
            }
            if ((c is ' ' or '-') && group == 4 && (separator == '\0' || separator == c) && char.IsAsciiLetterOrDigit(TextAround.At(text, i + 1)))
            {
                // Grouping is all-or-nothing: a separator after the first group fixes the style.
                if (separator == '\0' && n != 4) return -1;
                separator = c;
                group = 0;
                i++;
                continue;
            }
            break;
        }
        if (n != length || char.IsAsciiLetterOrDigit(TextAround.At(text, i))) return -1;
        if (separator == '\0' && n != length) return -1;
        return i;
    }
}
