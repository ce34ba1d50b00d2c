namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// MAC_ADDRESS: six hex pairs joined by colons or hyphens (one kind throughout) score 0.8; Cisco's three dotted
/// groups of four hex digits 0.6.
/// </summary>
internal sealed class MacAddressRecognizer() : Recognizer("MacAddressRecognizer", [PiiEntities.MacAddress], ["mac", "address", "hardware", "ethernet", "wifi", "nic", "bssid"])
{
    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.MacAddress)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var lastEnd = -1;
        var failed = -1; // the last address start that did not match: later runs of the same candidate walk back to it
        for (var r = 0; r < index.Count; r++)
        {
            var s = index.Starts[r];
            if (s < lastEnd || index.Ends[r] - s > 4 || (index.Shapes[r] & (RunShape.Punctuated | RunShape.LetterBefore | RunShape.LetterAfter)) == 0) continue;
            // The digits sit in a hex group of two (pairs) or four (Cisco); walk back to the address's first group.
            int hs = s, he = index.Ends[r];
            while (hs > 0 && s - hs < 4 && char.IsAsciiHexDigit(text[hs - 1])) hs--;
            while (he < text.Length && he - hs < 5 && char.IsAsciiHexDigit(text[he])) he++;
            var group = he - hs;
            if (group is not (2 or 4)) continue;
            var stride = group + 1;
            var c = hs;
            for (var k = 0; k < (group == 2 ? 5 : 2) && c - stride >= 0 && IsGroupBefore(text, c, group); k++) c -= stride;
            if (c == failed || (c > 0 && (char.IsAsciiLetterOrDigit(text[c - 1]) || text[c - 1] is ':' or '-' or '.'))) continue;
            var length = Match(text, c);
            if (length == 0)
            {
                failed = c;
                continue;
            }
            sink.Add(this, PiiEntities.MacAddress, c, c + length, length == 17 ? 0.8 : 0.6, length == 17 ? "MAC (pairs)" : "MAC (Cisco dotted)",
                length == 17 ? "six hex pairs joined by ':' or '-'" : "three dotted groups of four hex digits", null, "Identified as MAC_ADDRESS by its shape");
            lastEnd = c + length;
        }
    }

    /// <summary>True when a hex group of <paramref name="group"/> digits and a separator stand right before <paramref name="c"/>.</summary>
    private static bool IsGroupBefore(string text, int c, int group)
    {
        if (text[c - 1] is not (':' or '-' or '.')) return false;
        for (var k = 2; k <= group + 1; k++) if (!char.IsAsciiHexDigit(text[c - k])) return false;
        return !char.IsAsciiHexDigit(TextAround.At(text, c - group - 2));
    }

    /// <summary>The length of the MAC address starting at <paramref name="i"/> (17 or 14), or 0.</summary>
    private static int Match(string text, int i)
    {
        if (i + 14 <= text.Length && text[i + 4] == '.' && text[i + 9] == '.' && Hex(text, i, 4) && Hex(text, i + 5, 4) && Hex(text, i + 10, 4)
            && Ends(text, i + 14)) return 14;
        if (i + 17 > text.Length) return 0;
        var sep = text[i + 2];
        if (sep is not (':' or '-')) return 0;
        for (var k = 0; k < 6; k++)
        {
            if (!Hex(text, i + 3 * k, 2)) return 0;
            if (k < 5 && text[i + 3 * k + 2] != sep) return 0;
        }
        return Ends(text, i + 17) ? 17 : 0;
    }

    private static bool Ends(string text, int end)
    {
        var next = TextAround.At(text, end);
        return !char.IsAsciiLetterOrDigit(next) && !(next is ':' or '-' or '.' && char.IsAsciiHexDigit(TextAround.At(text, end + 1)));
    }

    private static bool Hex(string text, int start, int count)
    {
        for (var k = 0; k < count; k++) if (!char.IsAsciiHexDigit(text[start + k])) return false;
        return true;
    }
}
