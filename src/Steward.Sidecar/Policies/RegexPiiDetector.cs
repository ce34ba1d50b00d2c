using System.Text.RegularExpressions;

namespace Steward.Sidecar.Policies;

/// <summary>
/// The default <see cref="IPiiDetector"/>: e-mail addresses (<c>email</c>), payment card numbers that pass the Luhn
/// check (<c>credit_card</c>), US social security numbers in 3-2-4 form outside the never-issued ranges
/// (<c>us_ssn</c>) and international phone numbers in E.164 form (<c>phone</c>).
/// </summary>
public sealed partial class RegexPiiDetector : IPiiDetector
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = new List<string>(2);
        if (Email().IsMatch(text)) kinds.Add("email");
        foreach (Match m in Card().Matches(text))
        {
            if (Luhn(m.Value))
            {
                kinds.Add("credit_card");
                break;
            }
        }

        foreach (Match m in Ssn().Matches(text))
        {
            var area = int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (area is not (0 or 666 or >= 900) && m.Groups[2].ValueSpan is not "00" && m.Groups[3].ValueSpan is not "0000")
            {
                kinds.Add("us_ssn");
                break;
            }
        }

        if (Phone().IsMatch(text)) kinds.Add("phone");
        return kinds;
    }

    private static bool Luhn(string candidate)
    {
        int sum = 0, digits = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c)) continue;
            var d = c - '0';
            if (digits++ % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }

            sum += d;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w+])\+[1-9]\d{7,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
