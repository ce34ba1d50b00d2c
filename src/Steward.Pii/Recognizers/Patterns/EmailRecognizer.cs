namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// EMAIL_ADDRESS: a practical RFC 5322 address (dot-atom local part, host names of letters, digits and inner
/// hyphens) whose top-level domain exists; found from each '@' (score 1.0 once the domain validates).
/// </summary>
internal sealed class EmailRecognizer() : Recognizer("EmailRecognizer", [PiiEntities.EmailAddress], ["email", "e-mail", "mail", "contact", "address"])
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~.-";

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.EmailAddress)) return;
        var text = context.Text;
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf('@', from);
            if (at < 0) break;
            from = at + 1;
            if (!TryMatch(text, at, out var start, out var end)) continue;
            sink.Add(this, PiiEntities.EmailAddress, start, end, 1.0, "Email (RFC 5322 practical)", "local@host.tld", true,
                "Identified as EMAIL_ADDRESS: a well-formed address with a known top-level domain");
            from = end;
        }
    }

    /// <summary>Finds the address around the '@' at <paramref name="at"/>.</summary>
    internal static bool TryMatch(string text, int at, out int start, out int end)
    {
        start = at;
        while (start > 0 && at - start < 64 && (char.IsAsciiLetterOrDigit(text[start - 1]) || LocalSpecials.Contains(text[start - 1]))) start--;
        while (start < at && !char.IsAsciiLetterOrDigit(text[start])) start++; // quotes and brackets before the address
        end = DomainEnd(text, at + 1);
        if (start == at || end < 0) return false;
        var local = text.AsSpan(start, at - start);
        return local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>The end of a host name with a known TLD starting at <paramref name="i"/>, or -1.</summary>
    internal static int DomainEnd(string text, int i)
    {
        var labelStart = i;
        var lastDot = -1;
        var end = i;
        while (end < text.Length && end - i < 255)
        {
            var c = text[end];
            if (char.IsAsciiLetterOrDigit(c) || (c == '-' && end > labelStart)) { end++; continue; }
            if (c == '.' && end > labelStart && char.IsAsciiLetterOrDigit(TextAround.At(text, end + 1)))
            {
                if (text[end - 1] == '-') return -1;
                lastDot = end;
                labelStart = ++end;
                continue;
            }
            break;
        }
        if (lastDot < 0 || text[end - 1] == '-') return -1;
        var tld = text.AsSpan(lastDot + 1, end - lastDot - 1);
        return !tld.ContainsAnyExcept(AsciiLetters) && TopLevelDomains.IsKnown(tld) ? end : -1;
    }
}
