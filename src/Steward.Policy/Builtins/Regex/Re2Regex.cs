using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Policy.Builtins;

/// <summary>A compiled RE2 pattern with Go's regexp semantics for finding, splitting and replacing.</summary>
internal sealed class Re2Regex
{
    private const int CacheLimit = 256;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly ConcurrentDictionary<string, Re2Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Uses after which a cached pattern is recompiled to IL: hot patterns get fast, one-off patterns stay cheap to build.</summary>
    private const int CompileAfterUses = 32;

    [ThreadStatic]
    private static string? t_lastPattern;

    [ThreadStatic]
    private static Re2Regex? t_lastRegex;

    private readonly string?[] _names;
    private readonly string _translated;
    private int _uses;
    private readonly bool _linear;
    private readonly Re2Prefilter? _prefilter;
    private Regex _regex;

    private Re2Regex(Regex regex, string?[] names, string translated)
    {
        _regex = regex;
        _linear = (regex.Options & RegexOptions.NonBacktracking) != 0;
        _names = names;
        _translated = translated;
        _prefilter = Re2Prefilter.Create(translated);
    }

    /// <summary>The literal prefilter (null when the pattern has no required literals).</summary>
    internal Re2Prefilter? Prefilter => _prefilter;

    public Regex Regex
    {
        get
        {
            if (!_linear && _uses < CompileAfterUses && Interlocked.Increment(ref _uses) == CompileAfterUses)
            {
                _regex = new Regex(_translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
            }

            return _regex;
        }
    }

    /// <summary>Compiles (or fetches from a bounded cache) a pattern; invalid patterns throw Go's error.</summary>
    public static Re2Regex Get(string pattern)
    {
        // Policies usually pass the same string object again and again (a constant, or a rule's shared value):
        // recognise it by reference before hashing a long pattern for the shared cache.
        if (ReferenceEquals(t_lastPattern, pattern))
        {
            return t_lastRegex!;
        }

        var regex = GetShared(pattern);
        (t_lastPattern, t_lastRegex) = (pattern, regex);
        return regex;
    }

    /// <summary>
    /// As <see cref="Get(string)"/>, remembering the last pattern in the evaluation's context instead of in thread
    /// statics: the context is at hand in a built-in, and a thread-static read is a call into the runtime here.
    /// </summary>
    public static Re2Regex Get(BuiltinContext context, string pattern)
    {
        if (ReferenceEquals(context.LastPattern, pattern))
        {
            return (Re2Regex)context.LastRegex!;
        }

        var regex = GetShared(pattern);
        (context.LastPattern, context.LastRegex) = (pattern, regex);
        return regex;
    }

    private static Re2Regex GetShared(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var compiled = Compile(pattern);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[pattern] = compiled;
        return compiled;
    }

    public static Re2Regex Compile(string pattern)
    {
        var (translated, names) = Re2Translator.Translate(pattern);
        try
        {
            // RE2 guarantees linear time, and so does .NET's automaton engine: use it where the translation allows
            // (it does not take the look-arounds that emulate RE2's ASCII \b); otherwise backtrack, compiled once hot.
            Regex regex;
            try
            {
                regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
            }
            catch (NotSupportedException)
            {
                regex = new Regex(translated, RegexOptions.CultureInvariant, Timeout);
            }

            return new Re2Regex(regex, names, translated);
        }
        catch (ArgumentException)
        {
            throw new BuiltinException($"error parsing regexp: invalid or unsupported Perl syntax: `{pattern}`");
        }
    }

    public static bool IsValid(string pattern)
    {
        try
        {
            Get(pattern);
            return true;
        }
        catch (BuiltinException)
        {
            return false;
        }
    }

    public bool IsMatch(string input, bool knownAscii = false)
    {
        if (_prefilter is not null && !_prefilter.MayMatch(input, knownAscii))
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw TimedOut();
        }
    }

    /// <summary>Go's FindAll: at most n matches (all when n &lt; 0); no empty match right after a previous match.</summary>
    public List<Match> FindAll(string input, long n)
    {
        if (_prefilter is not null && !_prefilter.MayMatch(input))
        {
            return [];
        }

        try
        {
            var result = new List<Match>();
            var pos = 0;
            var prevEnd = -1;
            while ((n < 0 || result.Count < n) && pos <= input.Length)
            {
                var m = Regex.Match(input, pos);
                if (!m.Success)
                {
                    break;
                }

                var accept = true;
                var end = m.Index + m.Length;
                if (m.Length == 0)
                {
                    if (m.Index == prevEnd)
                    {
                        accept = false;
                    }

                    pos = m.Index < input.Length ? m.Index + (char.IsHighSurrogate(input[m.Index]) && m.Index + 1 < input.Length ? 2 : 1) : input.Length + 1;
                }
                else
                {
                    pos = end;
                }

                prevEnd = end;
                if (accept)
                {
                    result.Add(m);
                }
            }

            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            throw TimedOut();
        }
    }

    /// <summary>Go's Split(s, -1).</summary>
    public List<string> Split(string input)
    {
        if (Regex.ToString().Length > 0 && input.Length == 0)
        {
            return [string.Empty];
        }

        var parts = new List<string>();
        var begin = 0;
        var end = 0;
        foreach (var m in FindAll(input, -1))
        {
            end = m.Index;
            if (m.Index + m.Length != 0)
            {
                parts.Add(input[begin..end]);
            }

            begin = m.Index + m.Length;
        }

        if (end != input.Length)
        {
            parts.Add(input[begin..]);
        }

        return parts;
    }

    /// <summary>Go's ReplaceAllString: $1, ${1}, $name, ${name} and $$ in the template.</summary>
    public string ReplaceAll(string input, string template)
    {
        var builder = new StringBuilder();
        var last = 0;
        foreach (var m in FindAll(input, -1))
        {
            builder.Append(input, last, m.Index - last);
            Expand(builder, template, m);
            last = m.Index + m.Length;
        }

        builder.Append(input, last, input.Length - last);
        return builder.ToString();
    }

    /// <summary>The text of each group (empty for groups that did not take part), in Go's numbering.</summary>
    public List<string> Groups(Match m)
    {
        var list = new List<string>(_names.Length);
        for (var i = 0; i < _names.Length; i++)
        {
            list.Add(m.Groups[i].Success ? m.Groups[i].Value : string.Empty);
        }

        return list;
    }

    private void Expand(StringBuilder builder, string template, Match m)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                builder.Append(c);
                continue;
            }

            if (template[i + 1] == '$')
            {
                builder.Append('$');
                i++;
                continue;
            }

            string name;
            int next;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                name = close < 0 ? string.Empty : template[(i + 2)..close];
                next = close;
                if (close < 0 || name.Length == 0 || !name.All(IsNameChar))
                {
                    builder.Append('$');
                    continue;
                }
            }
            else
            {
                var j = i + 1;
                while (j < template.Length && IsNameChar(template[j]))
                {
                    j++;
                }

                name = template[(i + 1)..j];
                next = j - 1;
                if (name.Length == 0)
                {
                    builder.Append('$');
                    continue;
                }
            }

            i = next;
            if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                if (index < _names.Length && m.Groups[index].Success)
                {
                    builder.Append(m.Groups[index].Value);
                }

                continue;
            }

            for (var g = 1; g < _names.Length; g++)
            {
                if (_names[g] == name)
                {
                    if (m.Groups[g].Success)
                    {
                        builder.Append(m.Groups[g].Value);
                    }

                    break;
                }
            }
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static BuiltinException TimedOut() => new("regular expression match timed out");
}
