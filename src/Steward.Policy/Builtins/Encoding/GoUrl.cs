using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// A URL split as Go's net/url parses it: the scheme (lower case), an opaque part, whether user information was
/// given, the host (with port), the path both percent-decoded and as it is escaped (as written when validly escaped,
/// else re-escaped), the raw query and the decoded fragment. AWS signing uses the host, escaped path and query;
/// x509 structs carry URLs as <see cref="Json"/>.
/// </summary>
internal sealed record GoUrl(string Scheme, string Opaque, bool HasUser, string Host, string Path, string EscapedPath, string RawQuery, bool ForceQuery, string Fragment)
{
    public static GoUrl Parse(string url)
    {
        var rest = url;
        var fragment = string.Empty;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = Unescape(rest[(hash + 1)..]);
            rest = rest[..hash];
        }

        var scheme = string.Empty;
        var colon = SchemeEnd(rest);
        if (colon > 0)
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }

        var query = string.Empty;
        var forceQuery = false;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            forceQuery = query.Length == 0;
            rest = rest[..question];
        }

        if (scheme.Length > 0 && !rest.StartsWith('/'))
        {
            return new GoUrl(scheme, rest, false, string.Empty, string.Empty, string.Empty, query, forceQuery, fragment);
        }

        var host = string.Empty;
        var hasUser = false;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? string.Empty : rest[slash..];
            var at = authority.LastIndexOf('@');
            hasUser = at >= 0;
            host = at < 0 ? authority : authority[(at + 1)..];
        }

        return new GoUrl(scheme, string.Empty, hasUser, host, Unescape(rest), IsValidEscaped(rest) ? rest : GoUrlParser.EscapePath(Unescape(rest)), query, forceQuery, fragment);
    }

    /// <summary>
    /// The JSON of Go's url.URL: <c>User</c> is <c>{}</c> when user information was given (Go's Userinfo has no
    /// exported fields), the raw forms of path and fragment are empty as Go leaves them when decoding round-trips.
    /// </summary>
    public ObjectValue Json()
    {
        var o = new ObjectBuilder();
        void Set(string name, Value value) => o.Set(new StringValue(name), value);
        Set("Scheme", new StringValue(Scheme));
        Set("Opaque", new StringValue(Opaque));
        Set("User", HasUser ? ObjectValue.Empty : NullValue.Instance);
        Set("Host", new StringValue(Host));
        Set("Path", new StringValue(Path));
        Set("RawPath", new StringValue(string.Empty));
        Set("OmitHost", BooleanValue.False);
        Set("ForceQuery", BooleanValue.Of(ForceQuery));
        Set("RawQuery", new StringValue(RawQuery));
        Set("Fragment", new StringValue(Fragment));
        Set("RawFragment", new StringValue(string.Empty));
        return o.Build();
    }

    /// <summary>The index of the colon ending a scheme (a letter, then letters, digits, +, - or .), or -1.</summary>
    private static int SchemeEnd(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))
            {
                continue;
            }

            return c == ':' && i > 0 ? i : -1;
        }

        return -1;
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
}
