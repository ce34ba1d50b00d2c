using PhoneNumbers;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>
/// Bare national forms of several regions (numbers drawn from libphonenumber's example ranges with new last digits,
/// written as people write them at home), numbers wrapped whole in parentheses, "1-" NANP numbers, area codes with a
/// slash and dial-outs with 00 and a longer country code; and the look-alikes that must stay unreported.
/// </summary>
public sealed class PhoneNationalFormsTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Theory]
    [InlineData("FR")]
    [InlineData("GB")]
    [InlineData("DE")]
    [InlineData("IN")]
    [InlineData("IL")]
    public void CompactNationalNumbers_WithTrunkPrefix_AreFound(string region)
    {
        var random = new Random((region[0] << 8) | region[1]); // deterministic (string hashes differ per process)
        int found = 0, total = 0;
        foreach (var type in new[] { PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE })
        {
            var example = Util.GetExampleNumberForType(region, type);
            for (var k = 0; k < 20; k++)
            {
                var nsn = Util.GetNationalSignificantNumber(example).ToCharArray();
                for (var i = nsn.Length - 3; i < nsn.Length; i++) nsn[i] = (char)('0' + random.Next(10));
                var number = Util.Parse(new string(nsn), region);
                if (!Util.IsValidNumber(number)) continue;
                var compact = Util.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray();
                if (compact[0] != '0') continue;
                var text = $"Regards,\nAnna Smith\n{new string(compact)}";
                total++;
                if (PatternKit.Analyze(text, PiiEntities.PhoneNumber).Any(r => r.Text == new string(compact))) found++;
            }
        }
        Assert.True(total >= 10 && found == total, $"{found} of {total}");
    }

    [Theory]
    [InlineData("Tom Baker (730 237 9764) asked for a callback.", "730 237 9764")]
    [InlineData("Ms Ayse Kaya (+90-480-075-74-00) called twice.", "+90-480-075-74-00")]
    [InlineData("Dag Kohoutek (00420 632 564 965) asked.", "00420 632 564 965")]
    [InlineData("Regards,\nEverette Boyle\n1-467-643-7961", "1-467-643-7961")]
    [InlineData("Reach me on 0425/243 726 after six", "0425/243 726")]
    [InlineData("Phone: 540/77 58 53", "540/77 58 53")]
    public void NationalAndWrappedForms_AreFound(string text, string phone) =>
        Assert.Contains(PatternKit.Analyze(text, PiiEntities.PhoneNumber), r => r.Text == phone);

    [Theory]
    [InlineData("Order 0123456789 shipped today.")]
    [InlineData("Invoice total 1-234-567-8901 attached")]
    [InlineData("Dates 2020/11 03 and 2021/12 04 are fixed.")]
    [InlineData("The (2019 2020 2021) seasons were long.")]
    [InlineData("Account 0612345678 was closed.")]
    [InlineData("Reference (00999 123 456 789) is unknown.")]
    public void LookAlikes_AreNotPhoneNumbers(string text) =>
        Assert.Empty(PatternKit.Analyze(text, PiiEntities.PhoneNumber));
}
