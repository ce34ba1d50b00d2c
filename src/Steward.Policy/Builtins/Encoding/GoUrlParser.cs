using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// Go's <c>url.Parse</c> with its errors, written from the net/url documentation and behaviour: control characters,
/// a missing scheme before ':', a colon in a relative URL's first segment, the authority's user information, host
/// and port, and percent-escapes in host, path and fragment are checked as Go checks them, and the path keeps its
/// written form (<see cref="RawPath"/>) when that differs from Go's own escaping of the decoded path.
/// </summary>
internal sealed record GoUrlParser(string Scheme, string Opaque, string Host, string Path, string RawPath, string RawQuery, string Fragment)
{
    /// <summary>Parses <paramref name="raw"/>; on failure <paramref name="error"/> is Go's message (<c>parse "..."": ...</c>).</summary>
    public static GoUrlParser? TryParse(string raw, out string? error)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var (beforeFragment, fragment) = hash < 0 ? (raw, "") : (raw[..hash], raw[(hash + 1)..]);
        var url = ParseWithoutFragment(beforeFragment, out var problem);
        if (url is null)
        {
            error = $"parse {StringFormatting.Quote(beforeFragment)}: {problem}";
            return null;
        }

        if (fragment.Length > 0)
        {
            var decoded = Unescape(fragment, Mode.Fragment, out problem);
            if (decoded is null)
            {
                error = $"parse {StringFormatting.Quote(raw)}: {problem}";
                return null;
            }

            url = url with { Fragment = decoded };
        }

        error = null;
        return url;
    }

    /// <summary>The host without its port (and without the brackets of an IPv6 literal), as Go's <c>Hostname</c>.</summary>
    public string Hostname => SplitHostPort(Host).Host;

    /// <summary>The port, or empty, as Go's <c>Port</c>.</summary>
    public string Port => SplitHostPort(Host).Port;

    private static GoUrlParser? ParseWithoutFragment(string raw, out string? problem)
    {
        problem = null;
        if (raw.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0 || raw.Contains('\x7f', StringComparison.Ordinal))
        {
            problem = "net/url: invalid control character in URL";
            return null;
        }

        if (raw == "*")
        {
            return new GoUrlParser("", "", "", "*", "", "", "");
        }

        var scheme = "";
        var rest = raw;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    problem = "missing protocol scheme";
                    return null;
                }

                scheme = raw[..i].ToLowerInvariant();
                rest = raw[(i + 1)..];
            }

            break;
        }

        var query = "";
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            rest = rest[..^1];
        }
        else
        {
            var question = rest.IndexOf('?', StringComparison.Ordinal);
            if (question >= 0)
            {
                query = rest[(question + 1)..];
                rest = rest[..question];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0)
            {
                return new GoUrlParser(scheme, rest, "", "", "", query, ""); // a rootless path is opaque
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if ((slash < 0 ? rest : rest[..slash]).Contains(':', StringComparison.Ordinal))
            {
                problem = "first path segment in URL cannot contain colon";
                return null;
            }
        }

        var host = "";
        if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = "";
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rest = authority[slash..];
                authority = authority[..slash];
            }

            host = ParseAuthority(authority, out problem)!;
            if (problem is not null)
            {
                return null;
            }
        }

        var path = Unescape(rest, Mode.Path, out problem);
        if (path is null)
        {
            return null;
        }

        return new GoUrlParser(scheme, "", host, path, EscapePath(path) == rest ? "" : rest, query, "");
    }

    private static string? ParseAuthority(string authority, out string? problem)
    {
        var at = authority.LastIndexOf('@');
        var host = ParseHost(at < 0 ? authority : authority[(at + 1)..], out problem);
        if (host is null || at < 0)
        {
            return host;
        }

        var user = authority[..at];
        foreach (var c in user)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-._:~!$&'()*+,;=%@".Contains(c, StringComparison.Ordinal)))
            {
                problem = "net/url: invalid userinfo";
                return null;
            }
        }

        return Unescape(user, Mode.UserInfo, out problem) is null ? null : host;
    }

    private static string? ParseHost(string host, out string? problem)
    {
        problem = null;
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                problem = "missing ']' in host";
                return null;
            }

            var colonPort = host[(close + 1)..];
            if (!ValidOptionalPort(colonPort))
            {
                problem = $"invalid port {StringFormatting.Quote(colonPort)} after host";
                return null;
            }
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            var colonPort = host[colon..];
            if (!ValidOptionalPort(colonPort))
            {
                problem = $"invalid port {StringFormatting.Quote(colonPort)} after host";
                return null;
            }
        }

        return Unescape(host, Mode.Host, out problem);
    }

    private static bool ValidOptionalPort(string port) =>
        port.Length == 0 || (port[0] == ':' && !port.AsSpan(1).ContainsAnyExceptInRange('0', '9'));

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        var host = hostPort;
        var port = "";
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && ValidOptionalPort(host[colon..]))
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }

    private enum Mode
    {
        Path,
        Host,
        UserInfo,
        Fragment,
    }

    /// <summary>Go's <c>unescape</c>: decodes %XX (as UTF-8 bytes); null with Go's error for a bad escape or host character.</summary>
    private static string? Unescape(string s, Mode mode, out string? problem)
    {
        problem = null;
        var bytes = Encoding.UTF8.GetBytes(s);
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '%')
            {
                if (i + 2 >= bytes.Length || !IsHex(bytes[i + 1]) || !IsHex(bytes[i + 2]))
                {
                    var bad = Encoding.UTF8.GetString(bytes, i, Math.Min(3, bytes.Length - i));
                    problem = $"invalid URL escape {StringFormatting.Quote(bad)}";
                    return null;
                }

                // In a host, %-escapes may only stand for non-ASCII bytes (or be %25, the zone separator).
                if (mode == Mode.Host && HexValue(bytes[i + 1]) < 8 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5'))
                {
                    problem = $"invalid URL escape {StringFormatting.Quote(Encoding.UTF8.GetString(bytes, i, 3))}";
                    return null;
                }

                output.Add((byte)((HexValue(bytes[i + 1]) << 4) | HexValue(bytes[i + 2])));
                i += 2;
                continue;
            }

            if (mode == Mode.Host && b < 0x80 && !HostCharacter((char)b))
            {
                problem = $"invalid character {StringFormatting.Quote(((char)b).ToString())} in host name";
                return null;
            }

            output.Add(b);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static bool HostCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!$&'()*+,;=:[]<>\"-_.~".Contains(c, StringComparison.Ordinal);

    /// <summary>Go's <c>escape(path, encodePath)</c>: everything but letters, digits and <c>-_.~$&amp;+,/:;=@</c> as %XX.</summary>
    internal static string EscapePath(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.~$&+,/:;=@".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
