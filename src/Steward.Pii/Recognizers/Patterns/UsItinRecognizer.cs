namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// US_ITIN: 9XX-GG-XXXX whose group is 50-65, 70-88, 90-92 or 94-99; delimited by a hyphen or space it scores
/// 0.5, compact (nine digits) 0.3 and only after a context word.
/// </summary>
internal sealed class UsItinRecognizer()
    : Recognizer("UsItinRecognizer", [PiiEntities.UsItin], ["individual", "taxpayer", "itin", "tax", "payer", "taxid", "tin"])
{
    private const string Separators = "- ";
    private static readonly string[] Gate = ["individual", "taxpayer", "itin", "tax", "payer", "taxid", "tin", "identification"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UsItin)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var next = 0; // runs before this one belong to a number already judged
        foreach (var r in index.Candidates(RunKind.UsItin))
        {
            if (r < next) continue;
            var start = index.Starts[r];
            if (text[start] != '9' || (index.Ends[r] - start) is not (3 or 9) || char.IsAsciiLetterOrDigit(TextAround.At(text, start - 1))) continue;
            if (DigitChain.ContinuesLeft(index, r, Separators)) continue;
            var chain = DigitChain.Follow(index, r, Separators, 3, out var truncated);
            var last = r + chain.Groups - 1;
            next = last + 1;
            if (truncated || chain.Digits != 9 || char.IsAsciiLetterOrDigit(TextAround.At(text, chain.End))) continue;
            if (chain.Groups == 2 || (chain.Groups == 3 && chain.GroupLength(index, 1) != 2)) continue;
            var compact = chain.Groups == 1;
            var group = compact ? text.AsSpan(start + 3, 2) : text.AsSpan(index.Starts[last - 1], 2);
            var g = (group[0] - '0') * 10 + group[1] - '0';
            if (g is not ((>= 50 and <= 65) or (>= 70 and <= 88) or (>= 90 and <= 92) or (>= 94 and <= 99))) continue;
            if (compact && !TextAround.HasContextBefore(text, start, Gate)) continue;
            sink.Add(this, PiiEntities.UsItin, chain.Start, chain.End, compact ? 0.3 : 0.5,
                compact ? "ITIN (compact)" : "ITIN (delimited)", "9XX-GG-XXXX, group 50-65/70-88/90-92/94-99", null,
                "Identified as US_ITIN by its area 9XX and group range");
        }
    }
}
