using PhoneNumbers;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// One region's numbering plan, read once from libphonenumber's own metadata (<see cref="PhoneMetadata"/>) and
/// compiled for speed: the general and per-type national-number patterns in one <see cref="DigitDfa"/> with each
/// pattern's possible lengths as a bit mask, the leading-digit pattern as another, and the national and
/// international prefixes (regexes with captures and transform rules) as anchored .NET regexes, run only when
/// their first digit can start a match. Answers the questions libphonenumber's parse and validation ask of a
/// region's metadata, with the same rules (<see cref="NumberingPlans"/> strings them together).
/// </summary>
internal sealed class NumberingPlan
{
    // libphonenumber's order in getNumberTypeHelper; fixed line and mobile last.
    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.PREMIUM_RATE, PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
    ];

    private const int General = 0, GeneralPattern = 1, FixedLine = 2, Mobile = 3, FirstOther = 4;
    private readonly DigitDfa _numbers;
    private readonly uint[] _lengths = new uint[FirstOther + Types.Length];
    private readonly int[] _possible;
    private readonly uint _localOnly;
    private readonly bool _sameMobileAndFixed;
    private readonly DigitDfa? _leadingDigits;
    private readonly PrefixRule? _nationalPrefix;
    private readonly PrefixRule? _internationalPrefix;

    private NumberingPlan(PhoneMetadata m, string region)
    {
        Region = region;
        CountryCode = m.CountryCode;
        var nfa = new DigitNfa();
        PhoneNumberDesc[] descs = [m.GeneralDesc, m.GeneralDesc, m.FixedLine, m.Mobile, m.PremiumRate, m.TollFree, m.SharedCost, m.Voip, m.PersonalNumber, m.Pager, m.Uan, m.Voicemail];
        var map = new int[descs.Length];
        for (var k = 0; k < descs.Length; k++)
        {
            var pattern = descs[k]?.NationalNumberPattern;
            map[k] = string.IsNullOrEmpty(pattern) || pattern == "NA" ? -1 : nfa.Add(pattern);
            _lengths[k] = k == GeneralPattern ? ~0u : LengthMask(descs[k]!);
        }
        _entryOf = map;
        _numbers = DigitDfa.Build(nfa);
        _possible = [.. m.GeneralDesc.PossibleLengthList];
        if (_possible.Length == 0) throw new FormatException("no possible lengths");
        foreach (var l in m.GeneralDesc.PossibleLengthLocalOnlyList) _localOnly |= 1u << l;
        _sameMobileAndFixed = m.SameMobileAndFixedLinePattern;
        if (m.HasLeadingDigits && m.LeadingDigits.Length > 0)
        {
            var leading = new DigitNfa();
            leading.Add(m.LeadingDigits);
            _leadingDigits = DigitDfa.Build(leading);
        }
        _nationalPrefix = PrefixRule.Create(m.NationalPrefixForParsing, m.NationalPrefixTransformRule);
        _internationalPrefix = PrefixRule.Create(m.InternationalPrefix, null);
    }

    private readonly int[] _entryOf;

    /// <summary>The region code ("001" for non-geographical entities).</summary>
    public string Region { get; }

    /// <summary>The country calling code.</summary>
    public int CountryCode { get; }

    /// <summary>True when the region is told apart from others sharing its code by leading digits.</summary>
    public bool HasLeadingDigits => _leadingDigits is not null;

    /// <summary>The plan of <paramref name="m"/>, or null when its patterns use syntax the digit automata do not read.</summary>
    public static NumberingPlan? TryCreate(PhoneMetadata? m, string region)
    {
        if (m is null) return null;
        try
        {
            return new NumberingPlan(m, region);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static uint LengthMask(PhoneNumberDesc desc)
    {
        var list = desc.PossibleLengthList;
        if (list.Count == 0) return ~0u;
        uint mask = 0;
        foreach (var l in list) if (l is >= 0 and < 32) mask |= 1u << l;
        return mask;
    }

    private bool Matched(uint bits, int entry, int length) =>
        _entryOf[entry] >= 0 && (bits & (1u << _entryOf[entry])) != 0 && ((_lengths[entry] >> Math.Min(length, 31)) & 1) != 0;

    /// <summary>True when the general pattern matches <paramref name="digits"/>, whatever its length (libphonenumber's matchNationalNumber).</summary>
    public bool MatchesGeneralPattern(ReadOnlySpan<char> digits) => Matched(_numbers.Run(digits), GeneralPattern, digits.Length);

    /// <summary>The number type of a national significant number (libphonenumber's getNumberTypeHelper), UNKNOWN when invalid.</summary>
    public PhoneNumberType TypeOf(ReadOnlySpan<char> nsn)
    {
        var bits = _numbers.Run(nsn);
        var n = nsn.Length;
        if (bits == 0 || !Matched(bits, General, n)) return PhoneNumberType.UNKNOWN;
        for (var k = 0; k < Types.Length; k++) if (Matched(bits, FirstOther + k, n)) return Types[k];
        if (Matched(bits, FixedLine, n)) return _sameMobileAndFixed || Matched(bits, Mobile, n) ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.FIXED_LINE;
        return !_sameMobileAndFixed && Matched(bits, Mobile, n) ? PhoneNumberType.MOBILE : PhoneNumberType.UNKNOWN;
    }

    /// <summary>True when the leading-digit pattern matches at the start of <paramref name="nsn"/>.</summary>
    public bool LeadingDigitsMatch(ReadOnlySpan<char> nsn) => _leadingDigits?.MatchesPrefix(nsn) == true;

    /// <summary>libphonenumber's testNumberLength for an unknown type, on the general description's lengths.</summary>
    public LengthCheck TestLength(int length)
    {
        if (_possible[0] == -1) return LengthCheck.InvalidLength;
        if (length < 32 && (_localOnly & (1u << length)) != 0) return LengthCheck.LocalOnly;
        if (_possible[0] == length) return LengthCheck.Possible;
        if (_possible[0] > length) return LengthCheck.TooShort;
        if (_possible[^1] < length) return LengthCheck.TooLong;
        return _possible.AsSpan(1).Contains(length) ? LengthCheck.Possible : LengthCheck.InvalidLength;
    }

    /// <summary>
    /// libphonenumber's maybeStripNationalPrefixAndCarrierCode: writes the number without its national prefix (or
    /// transformed by the region's rule) into <paramref name="into"/> and returns its length, or -1 when nothing is stripped.
    /// </summary>
    public int StripNationalPrefix(ReadOnlySpan<char> number, Span<char> into)
    {
        if (number.Length == 0 || _nationalPrefix is null) return -1;
        var written = _nationalPrefix.Apply(number, into);
        if (written < 0) return -1;
        // A number that was viable before and is not after stripping keeps its prefix.
        return MatchesGeneralPattern(number) && !MatchesGeneralPattern(into[..written]) ? -1 : written;
    }

    /// <summary>Where the number goes on after the region's international (IDD) prefix, or -1 when it has none (parsePrefixAsIdd).</summary>
    public int InternationalPrefixEnd(ReadOnlySpan<char> number)
    {
        if (_internationalPrefix is null) return -1;
        var end = _internationalPrefix.MatchEnd(number);
        if (end < 0) return -1;
        return end < number.Length && number[end] == '0' ? -1 : end;
    }
}
