using System.Buffers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// URL: addresses with a scheme (http, https, ftp, ws...; score 0.9 when the host has a known TLD, is an IP
/// address or localhost), host names starting with www. (0.8), and bare domains such as example.co.uk/path
/// (0.5) ending in a real top-level domain. Hosts after '@' are e-mail addresses, not URLs.
/// </summary>
internal sealed class UrlRecognizer() : Recognizer("UrlRecognizer", [PiiEntities.Url], ["url", "website", "link", "site", "web", "domain", "homepage", "visit"])
{
    private static readonly SearchValues<char> PathStops = SearchValues.Create(" \t\r\n\"<>`{}|\\^\u00a0");
    private static readonly string[] Schemes = ["https", "http", "ftps", "ftp", "sftp", "wss", "ws"];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.Url)) return;
        var text = context.Text;
        var covered = -1; // end of the last URL reported; dots before it are done
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny('.', ':');
            if (next < 0) break;
            var p = i + next;
            i = p + 1;
            if (p < covered) continue;
            if (text[p] == ':')
            {
                if (TryScheme(text, p, out var s, out var e, out var valid))
                {
                    sink.Add(this, PiiEntities.Url, s, e, valid ? 0.9 : 0.5, "URL with scheme", "scheme://host/path", valid, "Identified as URL: an address with a scheme");
                    covered = i = e;
                }
                continue;
            }
            // A dot inside a host name follows a letter or digit and a label starts after it; the TLD starts with a
            // letter, so a dot before a digit ("3.14", "10.0.0.1") is skipped: a later dot sees the whole host.
            if (!char.IsAsciiLetterOrDigit(TextAround.At(text, p - 1)) || !char.IsAsciiLetter(TextAround.At(text, p + 1))) continue;
            // The rest of this host-like token is judged now, so its later dots are skipped (linear on "a.a.a.a...").
            var tokenEnd = p + 1;
            while (tokenEnd < text.Length && (char.IsAsciiLetterOrDigit(text[tokenEnd]) || text[tokenEnd] is '.' or '-')) tokenEnd++;
            if (tokenEnd - p <= 253 && TryBare(text, p, out var bs, out var be, out var www))
            {
                sink.Add(this, PiiEntities.Url, bs, be, www ? 0.8 : 0.5, www ? "www. host" : "Bare domain", www ? "www.host.tld/path" : "host.tld/path", true,
                    "Identified as URL: a host name with a known top-level domain");
                covered = i = be;
                continue;
            }
            i = tokenEnd;
        }
    }

    private static bool TryScheme(string text, int colon, out int start, out int end, out bool valid)
    {
        start = end = 0;
        valid = false;
        if (colon + 3 >= text.Length || text[colon + 1] != '/' || text[colon + 2] != '/') return false;
        start = colon;
        while (start > 0 && colon - start < 5 && char.IsAsciiLetter(text[start - 1])) start--;
        var scheme = text.AsSpan(start, colon - start);
        var known = false;
        foreach (var s in Schemes) known |= scheme.Equals(s, StringComparison.OrdinalIgnoreCase);
        if (!known || char.IsAsciiLetterOrDigit(TextAround.At(text, start - 1))) return false;
        var hostStart = colon + 3;
        var hostEnd = hostStart;
        while (hostEnd < text.Length && (char.IsAsciiLetterOrDigit(text[hostEnd]) || text[hostEnd] is '.' or '-')) hostEnd++;
        if (hostEnd == hostStart) return false;
        var host = text.AsSpan(hostStart, hostEnd - hostStart).TrimEnd('.');
        var dot = host.LastIndexOf('.');
        valid = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (dot > 0 && TopLevelDomains.IsKnown(host[(dot + 1)..]))
            || (dot > 0 && host.Count('.') == 3 && !host.ContainsAnyExcept("0123456789."));
        end = PathEnd(text, hostEnd);
        return true;
    }

    private static bool TryBare(string text, int dot, out int start, out int end, out bool www)
    {
        start = end = 0;
        www = false;
        start = dot;
        while (start > 0 && dot - start < 128 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '-')) start--;
        while (start < dot && !char.IsAsciiLetterOrDigit(text[start])) start++;
        var before = TextAround.At(text, start - 1);
        if (before is '@' or '/' or ':' or '\\' || char.IsLetterOrDigit(before) || (before == '.' && start >= 2)) return false;
        var hostEnd = EmailRecognizer.DomainEnd(text, start);
        if (hostEnd < 0 || TextAround.At(text, hostEnd) == '@') return false;
        var host = text.AsSpan(start, hostEnd - start);
        www = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        var tld = host[(host.LastIndexOf('.') + 1)..];
        if (!www && !TopLevelDomains.IsBareDomainEnd(tld)) return false;
        if (!www && (char.IsAsciiDigit(host[0]) && !host[..host.IndexOf('.')].ContainsAnyInRange('a', 'z'))) return false; // "3.5in", "1.co"
        end = TextAround.At(text, hostEnd) is '/' or ':' or '?' or '#' ? PathEnd(text, hostEnd) : hostEnd;
        return true;
    }

    /// <summary>The end of a URL's port, path, query and fragment, without trailing punctuation.</summary>
    private static int PathEnd(string text, int i)
    {
        var stop = text.AsSpan(i).IndexOfAny(PathStops);
        var end = stop < 0 ? text.Length : i + stop;
        while (end > i)
        {
            var last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*') { end--; continue; }
            if (last is ')' or ']' && text.AsSpan(i, end - i).Count(last == ')' ? '(' : '[') < text.AsSpan(i, end - i).Count(last)) { end--; continue; }
            break;
        }
        return end;
    }
}
