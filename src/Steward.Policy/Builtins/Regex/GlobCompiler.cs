using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Policy.Builtins;

/// <summary>
/// gobwas/glob patterns as regular expressions: * (no separator), ** (anything), ?, [a-z], [!a-z], {a,b} and \ escapes.
/// </summary>
internal static class GlobCompiler
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool Match(string pattern, IReadOnlyList<int> separators, string text)
    {
        var key = pattern + "\u0000" + string.Join(",", separators);
        if (!Cache.TryGetValue(key, out var regex))
        {
            regex = new Regex(Translate(pattern, separators), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(5));
            if (Cache.Count >= 256)
            {
                Cache.Clear();
            }

            Cache[key] = regex;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new BuiltinException("glob match timed out");
        }
    }

    /// <summary>Escapes the glob meta characters * ? \ [ ] { }.</summary>
    public static string QuoteMeta(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\' or '[' or ']' or '{' or '}')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Translate(string pattern, IReadOnlyList<int> separators)
    {
        var notSeparator = new StringBuilder("[^");
        foreach (var s in separators)
        {
            notSeparator.Append(Regex.Escape(char.ConvertFromUtf32(s)).Replace("]", "\\]", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal));
        }

        notSeparator.Append(']');
        var single = separators.Count == 0 ? "." : notSeparator.ToString();
        var output = new StringBuilder("\\A");
        var i = 0;
        Sequence(pattern, ref i, output, single, depth: 0);
        if (i < pattern.Length)
        {
            throw new BuiltinException("unexpected end of input");
        }

        output.Append("\\z");
        return output.ToString();
    }

    private static void Sequence(string p, ref int i, StringBuilder o, string single, int depth)
    {
        while (i < p.Length)
        {
            var c = p[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < p.Length && p[i + 1] == '*')
                    {
                        while (i < p.Length && p[i] == '*')
                        {
                            i++;
                        }

                        o.Append(".*");
                    }
                    else
                    {
                        i++;
                        o.Append(single).Append('*');
                    }

                    break;
                case '?':
                    i++;
                    o.Append(single);
                    break;
                case '[':
                    Class(p, ref i, o);
                    break;
                case '{':
                    i++;
                    o.Append("(?:");
                    while (true)
                    {
                        Sequence(p, ref i, o, single, depth + 1);
                        if (i >= p.Length)
                        {
                            throw new BuiltinException("unexpected end of input");
                        }

                        if (p[i] == ',')
                        {
                            o.Append('|');
                            i++;
                            continue;
                        }

                        i++;
                        break;
                    }

                    o.Append(')');
                    break;
                case '}' or ',' when depth > 0:
                    return;
                case '\\':
                    if (i + 1 >= p.Length)
                    {
                        throw new BuiltinException("unexpected end of input");
                    }

                    o.Append(Regex.Escape(p[i + 1].ToString()));
                    i += 2;
                    break;
                default:
                    o.Append(Regex.Escape(c.ToString()));
                    i++;
                    break;
            }
        }
    }

    private static void Class(string p, ref int i, StringBuilder o)
    {
        i++;
        var close = p.IndexOf(']', i);
        if (close < 0)
        {
            throw new BuiltinException("unexpected end of input");
        }

        var body = p[i..close];
        i = close + 1;
        var negate = body.StartsWith('!');
        if (negate)
        {
            body = body[1..];
        }

        var builder = new StringBuilder(negate ? "[^" : "[");
        for (var k = 0; k < body.Length; k++)
        {
            if (k + 2 < body.Length && body[k + 1] == '-')
            {
                if (body[k + 2] < body[k])
                {
                    throw new BuiltinException("hi character should be greater than lo character");
                }

                builder.Append(EscapeClass(body[k])).Append('-').Append(EscapeClass(body[k + 2]));
                k += 2;
            }
            else
            {
                builder.Append(EscapeClass(body[k]));
            }
        }

        o.Append(builder).Append(']');
    }

    private static string EscapeClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
