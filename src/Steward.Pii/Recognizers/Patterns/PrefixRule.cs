using System.Text.RegularExpressions;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// A national or international dialling prefix of a <see cref="NumberingPlan"/>, matched at the start of a digit
/// string as libphonenumber does (<c>lookingAt</c>, first alternative first): a plain digit string is compared
/// directly; anything else runs an anchored .NET regex (the metadata's syntax, captures and <c>$n</c> transform
/// rules), and only when the number's first digit can start a match. Allocates only for transform rules that apply.
/// </summary>
internal sealed class PrefixRule
{
    private readonly string? _literal;
    private readonly Regex? _regex;
    private readonly string? _transform;
    private readonly int _firstDigits;

    private PrefixRule(string pattern, string? transform)
    {
        _transform = string.IsNullOrEmpty(transform) ? null : transform;
        if (_transform is null && !pattern.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            _literal = pattern;
            _firstDigits = 1 << (pattern[0] - '0');
            return;
        }
        _regex = new Regex("^(?:" + pattern + ")", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        try
        {
            var nfa = new DigitNfa();
            nfa.Add(pattern);
            _firstDigits = DigitDfa.Build(nfa).FirstDigits();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            _firstDigits = 0x3FF; // "$" and other syntax the automaton does not read: always ask the regex
        }
    }

    /// <summary>The rule for <paramref name="pattern"/>, or null when the region has none.</summary>
    public static PrefixRule? Create(string? pattern, string? transform) =>
        string.IsNullOrEmpty(pattern) ? null : new PrefixRule(pattern, transform);

    /// <summary>The end of the prefix matched at the start of <paramref name="number"/>, or -1.</summary>
    public int MatchEnd(ReadOnlySpan<char> number)
    {
        if (number.Length > 0 && (_firstDigits & (1 << (number[0] - '0'))) == 0 && _firstDigits != 0x3FF) return -1;
        if (_literal is not null) return number.StartsWith(_literal) ? _literal.Length : -1;
        foreach (var m in _regex!.EnumerateMatches(number)) return m.Index == 0 ? m.Length : -1;
        return -1;
    }

    /// <summary>
    /// Writes <paramref name="number"/> with its prefix removed, or replaced by the transform rule when the rule's
    /// last group took part, into <paramref name="into"/>; returns the length written, or -1 when no prefix matches.
    /// </summary>
    public int Apply(ReadOnlySpan<char> number, Span<char> into)
    {
        var end = MatchEnd(number);
        if (end < 0) return -1;
        if (_transform is null || _regex is null) return Copy(number[end..], into, 0);
        var match = _regex.Match(number.ToString());
        if (!match.Groups[match.Groups.Count - 1].Success) return Copy(number[end..], into, 0);
        var head = match.Result(_transform);
        if (head.Length > into.Length) return -1;
        head.AsSpan().CopyTo(into);
        return Copy(number[end..], into, head.Length);
    }

    private static int Copy(ReadOnlySpan<char> rest, Span<char> into, int at)
    {
        if (at + rest.Length > into.Length) return -1;
        rest.CopyTo(into[at..]);
        return at + rest.Length;
    }
}
