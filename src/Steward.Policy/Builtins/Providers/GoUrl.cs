using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// The parts of a URL that AWS signing uses, split as Go's net/url does: the host (with port, without user
/// information), the escaped path (the path as written when it is validly escaped, else re-escaped) and the raw query.
/// </summary>
internal sealed record GoUrl(string Host, string EscapedPath, string RawQuery)
{
    public static GoUrl Parse(string url)
    {
        var rest = url;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            rest = rest[..hash];
        }

        var query = string.Empty;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var host = string.Empty;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && rest[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            rest = rest[(scheme + 3)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? string.Empty : rest[slash..];
            var at = authority.LastIndexOf('@');
            host = at < 0 ? authority : authority[(at + 1)..];
        }

        return new GoUrl(host, IsValidEscaped(rest) ? rest : Escape(Unescape(rest)), query);
    }

    /// <summary>Whether a path is written with valid escapes and only characters Go leaves as they are in paths.</summary>
    private static bool IsValidEscaped(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || "-_.~!$&'()*+,;=:@[]/".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Unescape(string path)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                bytes.Add(Convert.ToByte(path.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(path[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string Escape(string path)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.~$&+,/:;=@".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
