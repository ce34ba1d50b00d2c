using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Pii;

/// <summary>
/// Compiles regular expressions written for Python's <c>re</c> (as Presidio's ad-hoc recognizers and allow
/// lists are) into .NET regexes that cannot run away: the non-backtracking engine where the pattern allows it,
/// otherwise the backtracking engine under a match timeout.
/// </summary>
public static class PythonRegex
{
    /// <summary>Python's <c>re.IGNORECASE</c>.</summary>
    public const int IgnoreCase = 2;
    /// <summary>Python's <c>re.MULTILINE</c>.</summary>
    public const int Multiline = 8;
    /// <summary>Python's <c>re.DOTALL</c>.</summary>
    public const int DotAll = 16;
    /// <summary>Python's <c>re.VERBOSE</c>.</summary>
    public const int Verbose = 64;
    /// <summary>Presidio's default: DOTALL | MULTILINE | IGNORECASE.</summary>
    public const int DefaultFlags = IgnoreCase | Multiline | DotAll;

    /// <summary>The timeout for patterns the non-backtracking engine cannot run (back-references, lookarounds).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="PiiRequestException"/> with the parser's message when it is invalid.</summary>
    public static Regex Compile(string pattern, int flags = DefaultFlags)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var translated = Translate(pattern);
        var options = RegexOptions.CultureInvariant;
        if ((flags & IgnoreCase) != 0) options |= RegexOptions.IgnoreCase;
        if ((flags & Multiline) != 0) options |= RegexOptions.Multiline;
        if ((flags & DotAll) != 0) options |= RegexOptions.Singleline;
        if ((flags & Verbose) != 0) options |= RegexOptions.IgnorePatternWhitespace;
        try
        {
            return new Regex(translated, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // back-references, lookarounds and atomic groups need the backtracking engine
        }
        catch (ArgumentException e)
        {
            throw new PiiRequestException($"invalid regex '{pattern}': {e.Message}", e);
        }
        try
        {
            return new Regex(translated, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new PiiRequestException($"invalid regex '{pattern}': {e.Message}", e);
        }
    }

    /// <summary>Rewrites Python-only syntax: <c>(?P&lt;name&gt;</c>, <c>(?P=name)</c> and <c>\Z</c>.</summary>
    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(pattern[i + 1] == 'Z' ? "\\z" : pattern.AsSpan(i, 2));
                i++;
                continue;
            }
            if (c == '(' && pattern.AsSpan(i).StartsWith("(?P<", StringComparison.Ordinal))
            {
                sb.Append("(?<");
                i += 3;
                continue;
            }
            if (c == '(' && pattern.AsSpan(i).StartsWith("(?P=", StringComparison.Ordinal))
            {
                var close = pattern.IndexOf(')', i);
                if (close > i)
                {
                    sb.Append("\\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                    i = close;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Describes a match time-out for the caller.</summary>
    internal static PiiRequestException TimedOut(string patternName, RegexMatchTimeoutException e) =>
        new($"regex '{patternName}' took longer than {MatchTimeout.TotalMilliseconds} ms on this text and was stopped", e);
}
