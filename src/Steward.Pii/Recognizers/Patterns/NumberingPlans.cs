using System.Collections.Concurrent;
using PhoneNumbers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Phone-number validation without libphonenumber's string-building <c>Parse</c>: the steps of its parse (country
/// code after + or an IDD prefix, a leading default country code, national prefix stripping with the length
/// checks that decide whether it sticks), its region lookup for a country code shared by several regions
/// (leading digits, else the first region whose plan knows the number) and its validity and type checks, over
/// <see cref="NumberingPlan"/>s compiled once per region from libphonenumber's metadata. Numbers of regions whose
/// plan cannot be compiled are left <see cref="PhoneVerdict.Undecided"/> for libphonenumber itself.
/// </summary>
internal sealed class NumberingPlans
{
    private const int MaxDigits = 24;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly ConcurrentDictionary<string, NumberingPlan?> _byRegion = new(StringComparer.Ordinal);
    private readonly NumberingPlan?[]?[] _byCode = new NumberingPlan?[]?[1000]; // filled on first use (a race builds the same array twice)
    private readonly NumberingPlan?[] _mainByCode = new NumberingPlan?[1000];
    private readonly bool[] _knownCode = new bool[1000];

    private NumberingPlans()
    {
        for (var cc = 1; cc < 1000; cc++) _knownCode[cc] = Util.GetRegionCodeForCountryCode(cc) != "ZZ";
    }

    /// <summary>The plans of every region, compiled on first use.</summary>
    public static NumberingPlans Shared { get; } = new();

    /// <summary>
    /// Checks <paramref name="digits"/> (ASCII digits only) as libphonenumber's <c>Parse</c> (with
    /// <paramref name="defaultRegion"/>, or as an international number after '+' when it is null), then
    /// <c>GetRegionCodeForNumber</c>, <c>IsValidNumberForRegion</c> and <c>GetNumberType</c> would.
    /// </summary>
    public PhoneVerdict Check(ReadOnlySpan<char> digits, string? defaultRegion)
    {
        try
        {
            return CheckDigits(digits, defaultRegion);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return PhoneVerdict.Undecided; // a prefix regex ran out of time (a starved thread): libphonenumber decides
        }
    }

    private PhoneVerdict CheckDigits(ReadOnlySpan<char> digits, string? defaultRegion)
    {
        if (digits.Length > MaxDigits || digits.ContainsAnyExceptInRange('0', '9')) return PhoneVerdict.Undecided;
        Span<char> first = stackalloc char[MaxDigits + 8];
        scoped ReadOnlySpan<char> national;
        var code = 0;
        NumberingPlan? plan = null;
        if (defaultRegion is null)
        {
            if (digits.Length <= 2) return PhoneVerdict.Invalid;
            code = ExtractCode(digits, out national);
        }
        else
        {
            var home = Region(defaultRegion);
            if (home is null) return PhoneVerdict.Undecided;
            plan = home;
            var idd = home.InternationalPrefixEnd(digits);
            if (idd >= 0)
            {
                if (digits.Length - idd <= 2) return PhoneVerdict.Invalid;
                code = ExtractCode(digits[idd..], out national);
                if (code == 0) return PhoneVerdict.Invalid;
                plan = null;
            }
            else
            {
                national = digits;
                code = HomeCodeLeading(home, digits, first, out var skip, out var length);
                if (code != 0) national = length >= 0 ? first[..length] : digits[skip..];
                if (code == home.CountryCode) plan = null; // the number named its code: the code's main region's plan applies
                else code = home.CountryCode;
            }
        }
        if (code == 0) return PhoneVerdict.Invalid;
        if (plan is null)
        {
            plan = _mainByCode[code] ??= Main(code);
            if (plan is null) return PhoneVerdict.Undecided;
        }
        if (national.Length < 2) return PhoneVerdict.Invalid;
        Span<char> second = stackalloc char[MaxDigits + 8];
        var stripped = plan.StripNationalPrefix(national, second);
        if (stripped >= 0 && plan.TestLength(stripped) is not (LengthCheck.TooShort or LengthCheck.LocalOnly or LengthCheck.InvalidLength))
        {
            national = second[..stripped];
        }
        if (national.Length is < 2 or > 17) return PhoneVerdict.Invalid;
        return Validate(code, national);
    }

    /// <summary>libphonenumber's check for a national number that starts with its own region's country code.</summary>
    /// <remarks>The national number is then <paramref name="buffer"/>[..length] when length ≥ 0, else digits[skip..].</remarks>
    private static int HomeCodeLeading(NumberingPlan home, ReadOnlySpan<char> digits, Span<char> buffer, out int skip, out int length)
    {
        Span<char> code = stackalloc char[4];
        home.CountryCode.TryFormat(code, out skip, provider: System.Globalization.CultureInfo.InvariantCulture);
        length = -1;
        if (!digits.StartsWith(code[..skip])) return 0;
        length = home.StripNationalPrefix(digits[skip..], buffer);
        var potential = length >= 0 ? buffer[..length] : digits[skip..];
        var better = !home.MatchesGeneralPattern(digits) && home.MatchesGeneralPattern(potential);
        return better || home.TestLength(digits.Length) == LengthCheck.TooLong ? home.CountryCode : 0;
    }

    /// <summary>The region for a country code and national significant number, and whether the number is valid there.</summary>
    private PhoneVerdict Validate(int code, ReadOnlySpan<char> nsn)
    {
        var plans = _byCode[code] ??= Build(code);
        if (plans.Length == 0) return PhoneVerdict.Invalid;
        NumberingPlan? found = null;
        if (plans.Length == 1) found = plans[0];
        else
        {
            foreach (var p in plans)
            {
                if (p is null) return PhoneVerdict.Undecided;
                if (p.HasLeadingDigits ? p.LeadingDigitsMatch(nsn) : p.TypeOf(nsn) != PhoneNumberType.UNKNOWN)
                {
                    found = p;
                    break;
                }
            }
            if (found is null) return PhoneVerdict.Invalid;
        }
        if (found is null) return PhoneVerdict.Undecided;
        var type = found.TypeOf(nsn);
        return type == PhoneNumberType.UNKNOWN ? PhoneVerdict.Invalid : new PhoneVerdict(true, found.Region, type);
    }

    /// <summary>The plan of the code's main region (whose metadata libphonenumber's parse applies to a number with that code).</summary>
    private NumberingPlan? Main(int code)
    {
        var main = Util.GetRegionCodeForCountryCode(code);
        return main == "001" ? NonGeographical(code) : Region(main);
    }

    private NumberingPlan?[] Build(int code)
    {
        var regions = Util.GetRegionCodesForCountryCode(code);
        return [.. regions.Select(r => r == "001" ? NonGeographical(code) : Region(r))];
    }

    /// <summary>True when <paramref name="digits"/> (one to three ASCII digits) are a country calling code.</summary>
    public bool IsCountryCode(ReadOnlySpan<char> digits) =>
        digits.Length is >= 1 and <= 3 && digits[0] != '0' && !digits.ContainsAnyExceptInRange('0', '9') && _knownCode[DateShapes.Value(digits)];

    /// <summary>libphonenumber's extractCountryCode: the first one to three digits that form a known code.</summary>
    private int ExtractCode(ReadOnlySpan<char> digits, out ReadOnlySpan<char> national)
    {
        national = default;
        if (digits.Length == 0 || digits[0] == '0') return 0;
        var code = 0;
        for (var i = 1; i <= 3 && i <= digits.Length; i++)
        {
            code = code * 10 + (digits[i - 1] - '0');
            if (_knownCode[code])
            {
                national = digits[i..];
                return code;
            }
        }
        return 0;
    }

    private NumberingPlan? Region(string region) =>
        _byRegion.GetOrAdd(region, static r => NumberingPlan.TryCreate(Util.GetMetadataForRegion(r), r));

    private NumberingPlan? NonGeographical(int code) =>
        _byRegion.GetOrAdd("001+" + code, static (_, c) => NumberingPlan.TryCreate(Util.GetMetadataForNonGeographicalRegion(c), "001"), code);
}
