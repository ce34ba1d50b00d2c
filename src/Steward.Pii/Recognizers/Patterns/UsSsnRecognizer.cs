namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// US_SSN: AAA-GG-SSSS with one delimiter (hyphen, dot or space) scores 0.5; the weak forms (nine compact digits,
/// AAAAA-SSSS, AAA-GGSSSS) score 0.05 and are reported only after a context word. Presidio's invalidation rules
/// apply: mixed delimiters, all digits equal, group 00, serial 0000, area 000, 666 or 9xx, and the published
/// sample numbers.
/// </summary>
internal sealed class UsSsnRecognizer()
    : Recognizer("UsSsnRecognizer", [PiiEntities.UsSsn], ["social", "security", "ssn", "ssns", "ss", "ssid"])
{
    private const string Separators = "-. ";
    private static readonly string[] Gate = ["social", "security", "ssn", "ss", "ssid"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.UsSsn)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        Span<char> digits = stackalloc char[9];
        var next = 0; // runs before this one belong to a number already judged
        foreach (var r in index.Candidates(RunKind.UsSsn))
        {
            if (r < next) continue;
            var length = index.Ends[r] - index.Starts[r];
            if (length is not (3 or 5 or 9) || char.IsAsciiLetterOrDigit(TextAround.At(text, index.Starts[r] - 1))) continue;
            if (length != 9 && (index.Shapes[r] & RunShape.JoinsRight) == 0) continue;
            if (DigitChain.ContinuesLeft(index, r, "-.")) continue;
            var chain = DigitChain.Follow(index, r, Separators, 3, out var truncated);
            next = r + chain.Groups;
            if ((truncated && chain.Separator != ' ') || chain.Digits != 9 || !Bounded(text, chain)) continue;
            var shape = Shape(index, chain);
            if (shape is null) continue;
            var weak = shape != "AAA-GG-SSSS";
            if (weak && !TextAround.HasContextBefore(text, chain.Start, Gate)) continue;
            var n = 0;
            foreach (var c in text.AsSpan(chain.Start, chain.End - chain.Start)) if (char.IsAsciiDigit(c)) digits[n++] = c;
            if (IsInvalid(digits)) continue;
            sink.Add(this, PiiEntities.UsSsn, chain.Start, chain.End, weak ? 0.05 : 0.5, ExplanationText.Of("SSN {0}", shape), shape, null,
                sink.Explains ? ExplanationText.Of("Identified as US_SSN by its shape {0}", shape) : null);
        }
    }

    /// <summary>True when the number ends here: no letter or digit follows, nor a '-' or '.' and more digits.</summary>
    private static bool Bounded(string text, DigitChain chain)
    {
        var next = TextAround.At(text, chain.End);
        if (char.IsAsciiLetterOrDigit(next)) return false;
        var continues = next is '-' or '.';
        return !(continues && char.IsAsciiDigit(TextAround.At(text, chain.End + 1)));
    }

    private static string? Shape(NumberIndex index, DigitChain chain) => chain.Groups switch
    {
        1 => "AAAGGSSSS",
        2 when chain.Separator == '-' && chain.GroupLength(index, 0) == 5 => "AAAAA-SSSS",
        2 when chain.Separator is '-' or ' ' && chain.GroupLength(index, 0) == 3 => "AAA-GGSSSS",
        3 when chain.GroupLength(index, 0) == 3 && chain.GroupLength(index, 1) == 2 => "AAA-GG-SSSS",
        _ => null,
    };

    /// <summary>Presidio's invalidation rules plus the never-issued 9xx areas (ITINs live there).</summary>
    internal static bool IsInvalid(ReadOnlySpan<char> d)
    {
        if (d.Length != 9) return true;
        if (!d.ContainsAnyExcept(d[0])) return true;
        if (d[3] == '0' && d[4] == '0') return true;
        if (d[5..].SequenceEqual("0000")) return true;
        if (d[..3] is "000" or "666" || d[0] == '9') return true;
        return d.StartsWith("123456789") || d.StartsWith("98765432") || d.StartsWith("078051120") || d.StartsWith("219099999");
    }
}
