using PhoneNumbers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Google's numbering plans from libphonenumber-csharp's metadata: a candidate is valid when it parses as an
/// international number (leading + or 00) or as a national number of one of the configured regions, and the
/// plan of its region knows that number range. <see cref="NumberingPlans"/> answers without libphonenumber's
/// parse; libphonenumber itself answers what the plans leave undecided (and everything when
/// <c>libphonenumberOnly</c> is set, the reference the differential tests and benchmarks compare with).
/// </summary>
internal sealed class PhoneNumberValidator
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly string[] _regions;
    private readonly NumberingPlans? _plans;

    /// <summary>Creates a validator for <paramref name="regions"/> (ISO 3166 alpha-2 codes; unknown codes are ignored).</summary>
    public PhoneNumberValidator(IEnumerable<string> regions, bool libphonenumberOnly = false)
    {
        _plans = libphonenumberOnly ? null : NumberingPlans.Shared;
        var supported = Util.GetSupportedRegions();
        _regions = [.. regions.Select(r => r.Trim().ToUpperInvariant()).Where(supported.Contains).Distinct()];
    }

    /// <summary>The regions in use.</summary>
    public IReadOnlyList<string> Regions => _regions;

    /// <summary>The region whose plan accepts <paramref name="candidate"/> (digits, spaces, -, ., /, parentheses, leading +), or null.</summary>
    public string? ValidRegion(ReadOnlySpan<char> candidate, bool international)
    {
        Span<char> digits = stackalloc char[24];
        var n = 0;
        for (var i = 0; i < candidate.Length; i++)
        {
            var c = candidate[i];
            if (c == '(' && international && candidate[(i + 1)..].StartsWith("0)")) i += 2; // the trunk prefix "+44(0)20..."
            else if (char.IsAsciiDigit(c) && n < digits.Length) digits[n++] = c;
        }
        if (n < 6 || n > 17) return null;
        if (international || (n > 2 && digits[0] == '0' && digits[1] == '0'))
        {
            var skip = international ? 0 : 2; // "00 44 ..." and "001-..." dial out with 00
            if (_plans?.Check(digits[skip..n], null) is { Decided: true } verdict) return verdict.Region;
            var text = "+" + new string(digits[skip..n]);
            return TryParse(text, "ZZ");
        }
        string? national = null;
        foreach (var region in _regions)
        {
            if (_plans?.Check(digits[..n], region) is { Decided: true } verdict)
            {
                if (verdict.Region is not null) return verdict.Region;
                continue;
            }
            var found = TryParse(national ??= new string(digits[..n]), region);
            if (found is not null) return found;
        }
        return null;
    }

    private static string? TryParse(string number, string region)
    {
        try
        {
            // IsValidNumber would find the number's region and then check it; asking for the region once and
            // checking that region gives the same answer with one walk over the country code's regions, not two.
            var parsed = Util.Parse(number, region);
            var found = Util.GetRegionCodeForNumber(parsed);
            return found is not null && Util.IsValidNumberForRegion(parsed, found) ? found : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
