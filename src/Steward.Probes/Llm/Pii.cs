using System.Text.RegularExpressions;

namespace Steward.Probes.Llm;

/// <summary>One piece of personal data found in a text.</summary>
/// <param name="Kind">email, card, iban or ssn.</param>
/// <param name="Value">The text as found.</param>
/// <param name="Index">Where it starts.</param>
/// <param name="Checksummed">Whether it passed a checksum (Luhn for cards, mod-97 for IBANs): a real number, not a look-alike.</param>
public sealed record PiiMatch(string Kind, string Value, int Index, bool Checksummed);

/// <summary>
/// Finds personal data: e-mail addresses, payment card numbers that pass the Luhn check, IBANs that pass the
/// ISO 13616 mod-97 check, and US social security numbers (area not 000, 666 or 9xx). Card and IBAN candidates
/// failing their checksum are not reported.
/// </summary>
public static partial class Pii
{
    /// <summary>Every match in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<PiiMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PiiMatch>();
        foreach (Match m in Email().Matches(text)) found.Add(new PiiMatch("email", m.Value, m.Index, false));
        foreach (Match m in CardCandidate().Matches(text))
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 13 and <= 19 && Luhn(digits)) found.Add(new PiiMatch("card", m.Value.Trim(), m.Index, true));
        }
        foreach (Match m in IbanCandidate().Matches(text))
        {
            if (IbanPrefix(m.Value) is { } iban) found.Add(new PiiMatch("iban", iban, m.Index, true));
        }
        foreach (Match m in Ssn().Matches(text)) found.Add(new PiiMatch("ssn", m.Value, m.Index, false));
        return found.OrderBy(f => f.Index).ToList();
    }

    /// <summary>The Luhn check over a string of digits.</summary>
    public static bool Luhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// The IBAN at the start of a candidate: for a country in <see cref="IbanLengths"/> exactly its length (the
    /// candidate may run on into following words), otherwise the whole candidate; null when the checksum fails.
    /// </summary>
    private static string? IbanPrefix(string candidate)
    {
        var length = IbanLengths.GetValueOrDefault(candidate[..2], 0);
        var taken = new System.Text.StringBuilder();
        var end = 0;
        for (; end < candidate.Length && (length == 0 || taken.Length < length); end++)
            if (candidate[end] != ' ') taken.Append(candidate[end]);
        if (length > 0 && taken.Length != length) return null;
        var compact = taken.ToString();
        return compact.Length is >= 15 and <= 34 && Mod97(compact) ? candidate[..end].Trim() : null;
    }

    /// <summary>IBAN lengths of the SEPA countries and a few others (ISO 13616 registry).</summary>
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31,
        ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
    };

    /// <summary>The IBAN check: move the first four characters to the end, letters to numbers, remainder mod 97 is 1.</summary>
    public static bool Mod97(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        if (iban.Length < 5 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
            return false;
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    /// <summary>The match with most of it masked: <c>j***@example.com</c>, <c>card ****1111</c>, <c>DE89…3000</c>, <c>***-**-6789</c>.</summary>
    public static string Mask(PiiMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var v = match.Value;
        return match.Kind switch
        {
            "email" => v[..1] + "***" + v[v.IndexOf('@', StringComparison.Ordinal)..],
            "card" => "card ****" + new string(v.Where(char.IsAsciiDigit).ToArray())[^4..],
            "iban" => v.Replace(" ", "", StringComparison.Ordinal) is var c ? c[..4] + "…" + c[^4..] : v,
            _ => "***-**-" + v[^4..],
        };
    }

    /// <summary>The text with every match masked.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = Find(text);
        if (matches.Count == 0) return text;
        var result = new System.Text.StringBuilder();
        var at = 0;
        foreach (var m in matches)
        {
            if (m.Index < at) continue; // overlapping candidates (a card inside an IBAN): the first one wins
            result.Append(text, at, m.Index - at).Append('[').Append(Mask(m)).Append(']');
            at = m.Index + m.Value.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b")]
    private static partial Regex IbanCandidate();

    [GeneratedRegex(@"(?<![0-9])(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9])")]
    private static partial Regex Ssn();
}
