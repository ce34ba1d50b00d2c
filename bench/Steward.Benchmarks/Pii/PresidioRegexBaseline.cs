using System.Text.RegularExpressions;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// The comparison point: Presidio's default English pattern recognizers written as .NET regular expressions
/// (transcribed by hand from Presidio's predefined recognizers, flags IGNORECASE | MULTILINE as Presidio uses
/// them; the phone pattern stands in for Presidio's libphonenumber matcher), each run over the whole text as
/// Presidio does. Only the matching is timed: no validation, context or result objects.
/// </summary>
internal sealed class PresidioRegexBaseline
{
    /// <summary>Name and regex of each pattern.</summary>
    public static readonly (string Name, string Pattern)[] Patterns =
    [
        ("CREDIT_CARD", @"\b(?!1\d{12}(?!\d))((4\d{3})|(5[0-5]\d{2})|(6\d{3})|(1\d{3})|(3\d{3}))[- ]?(\d{3,4})[- ]?(\d{3,4})[- ]?(\d{3,5})\b"),
        ("CRYPTO", @"(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,59}"),
        ("DATE_mdy", @"\b(([1-9]|0[1-9]|1[0-2])/([1-9]|0[1-9]|[1-2][0-9]|3[0-1])/(\d{4}|\d{2}))\b"),
        ("DATE_ymd", @"\b(\d{4}-([1-9]|0[1-9]|1[0-2])-([1-9]|0[1-9]|[1-2][0-9]|3[0-1]))\b"),
        ("DATE_dmy_dots", @"\b(([1-9]|0[1-9]|[1-2][0-9]|3[0-1])\.([1-9]|0[1-9]|1[0-2])\.(\d{4}|\d{2}))\b"),
        ("DATE_written", @"\b(([1-9]|0[1-9]|[1-2][0-9]|3[0-1])[ -](JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ -](\d{4}|\d{2}))\b"),
        ("EMAIL", @"\b((([!#$%&'*+\-/=?^_`{|}~\w])|([!#$%&'*+\-/=?^_`{|}~\w][!#$%&'*+\-/=?^_`{|}~\.\w]{0,}[!#$%&'*+\-/=?^_`{|}~\w]))[@]\w+([-.]\w+)*\.\w+([-.]\w+)*)\b"),
        ("IBAN", @"\b([A-Z]{2}[ \-]?[0-9]{2})(?=(?:[ \-]?[A-Z0-9]){9,30})((?:[ \-]?[A-Z0-9]{3,5}){2})([ \-]?[A-Z0-9]{3,5})?([ \-]?[A-Z0-9]{3,5})?([ \-]?[A-Z0-9]{3,5})?([ \-]?[A-Z0-9]{3,5})?([ \-]?[A-Z0-9]{3,5})?([ \-]?[A-Z0-9]{1,3})?\b"),
        ("IPv4", @"\b(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\b"),
        ("IPv6", @"(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:|(?:[0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}|::(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}"),
        ("MEDICAL_LICENSE", @"[abcdefghjklmprstux]{1}[a-z]{1}\d{7}|[abcdefghjklmprstux]{1}9\d{7}"),
        ("PHONE (stand-in)", @"(?:\+?\d{1,3}[-.\s]?)?\(?\d{2,4}\)?[-.\s]?\d{3,4}[-.\s]?\d{3,4}"),
        ("URL", @"\b(?:https?://|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|co|uk|de|fr)\b"),
        ("US_SSN", @"\b([0-9]{5})-([0-9]{4})\b|\b([0-9]{3})([ -])([0-9]{6})\b|\b(([0-9]{3})-([0-9]{2})-([0-9]{4}))\b|\b[0-9]{9}\b|\b([0-9]{3})([- .])([0-9]{2})([- .])([0-9]{4})\b"),
        ("US_ITIN", @"\b9\d{2}[- ](5\d|6[0-5]|7\d|8[0-8]|9([0-2]|[4-9]))[- ]\d{4}\b|\b9\d{2}(5\d|6[0-5]|7\d|8[0-8]|9([0-2]|[4-9]))\d{4}\b"),
        ("US_PASSPORT", @"\b[0-9]{9}\b|\b[A-Z][0-9]{8}\b"),
        ("US_BANK_NUMBER", @"\b[0-9]{8,17}\b"),
        ("US_DRIVER_LICENSE", @"\b([A-Z][0-9]{3,6}|[A-Z][0-9]{5,9}|[A-Z][0-9]{6,8}|[A-Z][0-9]{4,8}|[A-Z][0-9]{9,11}|[A-Z]{1,2}[0-9]{5,6}|H[0-9]{8}|V[0-9]{6}|X[0-9]{8}|[A-Z]{2}[0-9]{2,5}|[A-Z]{2}[0-9]{3,7}|[0-9]{2}[A-Z]{3}[0-9]{5,6}|[A-Z][0-9]{13,14}|[A-Z][0-9]{18}|[A-Z][0-9]{6}R|[A-Z][0-9]{9}|[A-Z][0-9]{1,12}|[0-9]{9}[A-Z]|[A-Z]{2}[0-9]{6}[A-Z]|[0-9]{8}[A-Z]{2}|[0-9]{3}[A-Z]{2}[0-9]{4}|[A-Z][0-9][A-Z][0-9][A-Z]|[0-9]{7,8}[A-Z])\b|\b([0-9]{6,14}|[0-9]{16})\b"),
        ("UK_NHS", @"\b([0-9]{3})[- ]?([0-9]{3})[- ]?([0-9]{4})\b"),
        ("UK_NINO", @"\b(?!bg|gb|nk|kn|nt|tn|zz) ?([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]) ?([0-9]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([a-d])\b"),
    ];

    private readonly Regex[] _regexes;

    /// <summary>
    /// Compiles every pattern with <paramref name="options"/> added to IgnoreCase | Multiline. The
    /// non-backtracking engine has no lookarounds: those patterns (CREDIT_CARD, IBAN, UK_NINO) fall back to the
    /// compiled backtracking engine, as <c>PythonRegex</c> does.
    /// </summary>
    public PresidioRegexBaseline(RegexOptions options)
    {
        _regexes = [.. Patterns.Select(p => Create(p.Pattern, options))];
    }

    private static Regex Create(string pattern, RegexOptions options)
    {
        const RegexOptions common = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(pattern, common | options);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, common | RegexOptions.Compiled);
        }
    }

    /// <summary>The regex of pattern <paramref name="i"/>.</summary>
    public Regex this[int i] => _regexes[i];

    /// <summary>Counts the matches of every pattern in <paramref name="text"/>.</summary>
    public int CountAll(string text)
    {
        var n = 0;
        foreach (var regex in _regexes) n += regex.Count(text);
        return n;
    }
}
