namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// CREDIT_CARD: 12 to 19 digits, compact or in groups joined by spaces or hyphens (first group of four), with an
/// issuer prefix and length that exist, and a valid Luhn check digit (score 1.0; invalid numbers are not reported).
/// </summary>
internal sealed class CreditCardRecognizer()
    : Recognizer("CreditCardRecognizer", [PiiEntities.CreditCard],
        ["credit", "card", "visa", "mastercard", "amex", "discover", "jcb", "diners", "maestro", "instapayment", "cc"])
{
    private const string Separators = " -";

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.CreditCard)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        Span<char> buffer = stackalloc char[19];
        var next = 0; // runs before this one belong to a number already judged
        foreach (var r in index.Candidates(RunKind.CreditCard))
        {
            if (r < next) continue;
            var length = index.Ends[r] - index.Starts[r];
            if (length < 3 || length > 19 || char.IsAsciiLetterOrDigit(TextAround.At(text, index.Starts[r] - 1))) continue;
            if (length < 12 && (index.Shapes[r] & RunShape.JoinsRight) == 0) continue;
            if (DigitChain.ContinuesLeft(index, r, Separators)) continue;
            var chain = DigitChain.Follow(index, r, Separators, 5, out var truncated);
            next = r + chain.Groups;
            if (truncated || chain.Digits is < 12 or > 19 || char.IsAsciiLetterOrDigit(TextAround.At(text, chain.End))) continue;
            if (!GroupsFit(index, chain)) continue;
            var digits = buffer[..chain.Digits];
            var n = 0;
            foreach (var c in text.AsSpan(chain.Start, chain.End - chain.Start)) if (char.IsAsciiDigit(c)) digits[n++] = c;
            if (!IssuerFits(digits) || !Checksums.Luhn(digits)) continue;
            sink.Add(this, PiiEntities.CreditCard, chain.Start, chain.End, 1.0, "Luhn-valid card number", "issuer prefix, 12-19 digits, Luhn", true,
                "Identified as CREDIT_CARD: a known issuer prefix and length with a valid Luhn check digit");
        }
    }

    private static bool GroupsFit(NumberIndex index, DigitChain chain)
    {
        if (chain.Groups == 1) return true;
        if (chain.GroupLength(index, 0) != 4) return false;
        for (var k = 1; k < chain.Groups; k++)
        {
            if (chain.GroupLength(index, k) is < 3 or > 6) return false;
        }
        return true;
    }

    /// <summary>True when the leading digits and the length belong to a card scheme.</summary>
    internal static bool IssuerFits(ReadOnlySpan<char> d)
    {
        var len = d.Length;
        var two = (d[0] - '0') * 10 + (d[1] - '0');
        var four = two * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        return d[0] switch
        {
            '4' => len is 13 or 16 or 19,
            '5' => two is >= 51 and <= 55 ? len == 16 : len is >= 12 and <= 19,
            '2' => four is >= 2221 and <= 2720 && len == 16,
            '3' => two is 34 or 37 ? len == 15
                : two is 30 or 36 or 38 or 39 ? len is >= 14 and <= 19
                : four is >= 3528 and <= 3589 && len is >= 16 and <= 19,
            '6' => len is >= 12 and <= 19,
            _ => false,
        };
    }
}
