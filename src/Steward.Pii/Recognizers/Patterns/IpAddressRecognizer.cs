namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// IP_ADDRESS: IPv4 dotted quads with octets 0-255 (not part of a longer dotted number such as a version), and
/// IPv6 in full, with :: compression, or with an embedded IPv4 tail. Both score 0.6, as in Presidio.
/// </summary>
internal sealed class IpAddressRecognizer() : Recognizer("IpRecognizer", [PiiEntities.IpAddress], ["ip", "ipv4", "ipv6", "address", "host", "server", "client"])
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.IpAddress)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var lastEnd = -1;
        for (var r = 0; r < index.Count; r++)
        {
            var s = index.Starts[r];
            if (s < lastEnd || (index.Shapes[r] & (RunShape.Punctuated | RunShape.LetterBefore | RunShape.LetterAfter)) == 0) continue;
            var ahead = TextAround.At(text, index.Ends[r]);
            var behind = TextAround.At(text, s - 1);
            if (ahead == '.' && behind != ':' && index.Ends[r] - s <= 3 && TryIpv4(index, r, out var end4))
            {
                sink.Add(this, PiiEntities.IpAddress, s, end4, 0.6, "IPv4", "four octets 0-255", true, "Identified as IP_ADDRESS: an IPv4 address");
                lastEnd = end4;
                continue;
            }
            if (ahead == ':' || behind == ':' || NextToColon(text, s, index.Ends[r]))
            {
                var start = s;
                while (start > 0 && (char.IsAsciiHexDigit(text[start - 1]) || text[start - 1] == ':') && s - start < 64) start--;
                var end = index.Ends[r];
                while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] is ':' or '.') && end - start < 64) end++;
                while (end > start && text[end - 1] == '.') end--;
                if (end - start >= 3 && text[end - 1] == ':' && text[end - 2] != ':') end--;
                lastEnd = Math.Max(lastEnd, end);
                if (char.IsAsciiLetterOrDigit(TextAround.At(text, start - 1)) || char.IsAsciiLetterOrDigit(TextAround.At(text, end)) || TextAround.At(text, end) == ':') continue;
                if (IsIpv6(text.AsSpan(start, end - start)))
                {
                    sink.Add(this, PiiEntities.IpAddress, start, end, 0.6, "IPv6", "eight hex groups, :: compression, IPv4 tail", true, "Identified as IP_ADDRESS: an IPv6 address");
                }
            }
        }
    }

    /// <summary>True when the hex group holding the digits [s, e) touches a ':' (IPv6 groups are at most four hex digits).</summary>
    private static bool NextToColon(string text, int s, int e)
    {
        int hs = s, he = e;
        while (hs > 0 && s - hs < 4 && char.IsAsciiHexDigit(text[hs - 1])) hs--;
        while (he < text.Length && he - hs < 5 && char.IsAsciiHexDigit(text[he])) he++;
        return TextAround.At(text, he) == ':' || TextAround.At(text, hs - 1) == ':';
    }

    private static bool TryIpv4(NumberIndex index, int run, out int end)
    {
        end = 0;
        var text = index.Text;
        if (char.IsAsciiLetterOrDigit(TextAround.At(text, index.Starts[run] - 1)) || DigitChain.ContinuesLeft(index, run, ".")) return false;
        var chain = DigitChain.Follow(index, run, ".", 4, out var truncated);
        if (truncated || chain.Groups != 4 || char.IsAsciiLetterOrDigit(TextAround.At(text, chain.End))) return false;
        if (TextAround.At(text, chain.End) == '.' && char.IsAsciiDigit(TextAround.At(text, chain.End + 1))) return false;
        for (var k = 0; k < 4; k++) if (!IsOctet(text.AsSpan(index.Starts[run + k], chain.GroupLength(index, k)))) return false;
        end = chain.End;
        return true;
    }

    private static bool IsOctet(ReadOnlySpan<char> g) =>
        g.Length is >= 1 and <= 3 && (g.Length == 1 || g[0] != '0') && !g.ContainsAnyExceptInRange('0', '9') && int.Parse(g, provider: null) <= 255;

    /// <summary>True for a textual IPv6 address (RFC 4291 section 2.2 forms, no zone).</summary>
    internal static bool IsIpv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s.Count(':') < 2) return false;
        var compressed = s.IndexOf("::");
        if (compressed >= 0 && s[(compressed + 1)..].IndexOf("::") >= 0) return false;
        var groups = 0;
        var i = 0;
        if (compressed == 0) i = 2;
        while (i < s.Length)
        {
            var next = s[i..].IndexOf(':');
            var part = next < 0 ? s[i..] : s[i..(i + next)];
            if (part.Contains('.'))
            {
                if (next >= 0 || !IsDottedQuad(part)) return false;
                groups += 2;
                break;
            }
            if (part.Length is 0 or > 4 || part.ContainsAnyExcept(HexDigits)) return false;
            groups++;
            if (next < 0) break;
            i += next + 1;
            if (i == compressed + 1) i++; // skip the second ':' of "::"
            if (i >= s.Length) break;
        }
        return compressed >= 0 ? groups <= 7 : groups == 8;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> part)
    {
        var count = 0;
        foreach (var range in part.Split('.'))
        {
            if (!IsOctet(part[range]) || part[range].ContainsAnyExceptInRange('0', '9')) return false;
            count++;
        }
        return count == 4;
    }
}
