using PhoneNumbers;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>
/// The compiled numbering plans against libphonenumber itself, on many generated numbers: for every region,
/// example numbers of every type with their last digits changed (many stay valid, many do not), random digit
/// strings, national prefixes, country codes and IDD prefixes in front; each checked as an international number
/// and as a national number of the supported regions. Region, validity and type must agree every time.
/// </summary>
public sealed class NumberingPlansTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] Supported = ["US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"];

    // Regions with national-prefix transform rules, regex national prefixes and shared country codes, parsed nationally too.
    private static readonly string[] AlsoNational = ["AR", "AU", "JP", "MX", "IT", "CN", "KR", "CO", "RU", "KZ", "GG", "JE", "AG", "NL", "ES", "CH", "ZA", "NG"];

    [Fact]
    public void EveryRegion_InternationalNumbers_AgreeWithLibphonenumber()
    {
        var random = new Random(5);
        var checkedCount = 0;
        var valid = 0;
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            var code = Util.GetCountryCodeForRegion(region).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var national in NationalNumbers(region, random, 24))
            {
                foreach (var digits in new[] { code + national, code + new string((Util.GetNddPrefixForRegion(region, true) ?? "").Where(char.IsAsciiDigit).ToArray()) + national, code + national[..^1] })
                {
                    if (digits.Length > 24) continue;
                    valid += Agree(digits, null) ? 1 : 0;
                    checkedCount++;
                }
            }
        }
        for (var k = 0; k < 3000; k++)
        {
            var digits = RandomDigits(random, random.Next(3, 18));
            valid += Agree(digits, null) ? 1 : 0;
            checkedCount++;
        }
        Assert.True(checkedCount > 15_000, $"{checkedCount} numbers");
        Assert.True(valid > checkedCount / 5 && valid < checkedCount * 4 / 5, $"{valid} of {checkedCount} valid: the sample should mix valid and invalid");
    }

    [Fact]
    public void SupportedRegions_NationalNumbers_AgreeWithLibphonenumber()
    {
        var random = new Random(6);
        var checkedCount = 0;
        var valid = 0;
        foreach (var region in Supported.Concat(AlsoNational))
        {
            var code = Util.GetCountryCodeForRegion(region).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var idd = new string((Util.GetMetadataForRegion(region).PreferredInternationalPrefix ?? "").Where(char.IsAsciiDigit).ToArray());
            foreach (var national in NationalNumbers(region, random, 60))
            {
                var ndd = new string((Util.GetNddPrefixForRegion(region, true) ?? "").Where(char.IsAsciiDigit).ToArray());
                string[] forms = [national, ndd + national, code + national, code + ndd + national, national[1..], national + random.Next(10), "0" + national, "1" + national,
                    (string.IsNullOrEmpty(idd) ? "00" : idd) + "44" + national, "0" + national[1..]];
                foreach (var digits in forms)
                {
                    if (digits.Length is 0 or > 24) continue;
                    foreach (var home in Supported.Append(region).Distinct())
                    {
                        valid += Agree(digits, home) ? 1 : 0;
                        checkedCount++;
                    }
                }
            }
            for (var k = 0; k < 300; k++)
            {
                var digits = RandomDigits(random, random.Next(2, 18));
                valid += Agree(digits, region) ? 1 : 0;
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 50_000, $"{checkedCount} numbers");
        Assert.True(valid > checkedCount / 10, $"{valid} of {checkedCount} valid");
    }

    [Fact]
    public void Validator_FormattedCandidates_SameRegionAsLibphonenumber()
    {
        var fast = new PhoneNumberValidator(Supported);
        var reference = new PhoneNumberValidator(Supported, libphonenumberOnly: true);
        var random = new Random(7);
        var checkedCount = 0;
        foreach (var region in Supported.Concat(AlsoNational))
        {
            foreach (var national in NationalNumbers(region, random, 40))
            {
                PhoneNumber number;
                try
                {
                    number = Util.Parse(national, region);
                }
                catch (NumberParseException)
                {
                    continue;
                }
                foreach (var format in new[] { PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164 })
                {
                    var text = Util.Format(number, format);
                    var international = text.StartsWith('+');
                    string[] candidates = [text, international ? "00" + text[1..] : text.Replace(' ', '-'), international ? text.Replace(" ", "", StringComparison.Ordinal) : "(" + text + ")"];
                    foreach (var candidate in candidates)
                    {
                        Assert.Equal(reference.ValidRegion(candidate, international && candidate.StartsWith('+')), fast.ValidRegion(candidate, international && candidate.StartsWith('+')));
                        checkedCount++;
                    }
                }
            }
        }
        Assert.True(checkedCount > 3000, $"{checkedCount} candidates");
    }

    [Fact]
    public void SupportedRegions_AllCompile()
    {
        foreach (var region in Util.GetSupportedRegions())
        {
            Assert.True(NumberingPlans.Shared.Check("12345678", region).Decided, region);
        }
    }

    /// <summary>Checks one number both ways; true when libphonenumber finds it valid.</summary>
    private static bool Agree(string digits, string? home)
    {
        string? region = null;
        var type = PhoneNumberType.UNKNOWN;
        try
        {
            var parsed = Util.Parse(home is null ? "+" + digits : digits, home ?? "ZZ");
            var found = Util.GetRegionCodeForNumber(parsed);
            if (found is not null && Util.IsValidNumberForRegion(parsed, found))
            {
                Assert.True(Util.IsValidNumber(parsed));
                (region, type) = (found, Util.GetNumberType(parsed));
            }
        }
        catch (NumberParseException)
        {
        }
        var verdict = NumberingPlans.Shared.Check(digits, home);
        Assert.True(verdict.Decided, $"undecided: {digits} in {home}");
        Assert.True(region == verdict.Region && type == verdict.Type, $"{digits} in {home ?? "+"}: libphonenumber {region}/{type}, plans {verdict.Region}/{verdict.Type}");
        return region is not null;
    }

    /// <summary>National significant numbers near the region's example numbers of every type, and random ones.</summary>
    private static IEnumerable<string> NationalNumbers(string region, Random random, int count)
    {
        var examples = Enum.GetValues<PhoneNumberType>()
            .Select(t => Util.GetExampleNumberForType(region, t))
            .Where(n => n is not null)
            .Select(n => Util.GetNationalSignificantNumber(n))
            .Distinct()
            .ToList();
        for (var k = 0; k < count; k++)
        {
            if (examples.Count == 0 || k % 4 == 3)
            {
                yield return RandomDigits(random, random.Next(4, 13));
                continue;
            }
            var example = examples[k % examples.Count].ToCharArray();
            var change = random.Next(0, Math.Min(5, example.Length));
            for (var i = example.Length - change; i < example.Length; i++) example[i] = (char)('0' + random.Next(10));
            yield return new string(example);
        }
    }

    private static string RandomDigits(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }
}
