using PhoneNumbers;
using Steward.Benchmarks.Policy;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-cells phone</c>: what libphonenumber costs per candidate (thread CPU): parsing a "+1..." number, and parsing
/// plus finding and checking its region (what <c>PhoneNumberValidator</c> did for every international candidate), and the
/// validator with libphonenumber alone against the compiled numbering plans, international and national.
/// </summary>
internal static class PhoneMicro
{
    public static int Run()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(1);
        var numbers = Enumerable.Range(0, 20000).Select(_ => "+1" + random.NextInt64(2_000_000_000, 9_999_999_999)).ToArray();
        void Time(string name, Action<string> a)
        {
            foreach (var n in numbers) a(n);
            var cpu = ThreadCpu.Nanoseconds();
            foreach (var n in numbers) a(n);
            Console.WriteLine($"{name}: {(ThreadCpu.Nanoseconds() - cpu) / 1e3 / numbers.Length:0.00} µs");
        }
        Time("Parse ZZ", n => util.Parse(n, "ZZ"));
        Time("Parse US", n => util.Parse(n, "US"));
        Time("Parse ZZ + region + valid", n => { var p = util.Parse(n, "ZZ"); var r = util.GetRegionCodeForNumber(p); if (r != null) util.IsValidNumberForRegion(p, r); });
        var plans = new Steward.Pii.Recognizers.Patterns.PhoneNumberValidator(["US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"]);
        var reference = new Steward.Pii.Recognizers.Patterns.PhoneNumberValidator(["US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"], libphonenumberOnly: true);
        Time("validator, international, libphonenumber", n => reference.ValidRegion(n, true));
        Time("validator, international, numbering plans", n => plans.ValidRegion(n, true));
        Time("validator, national (8 regions), libphonenumber", n => reference.ValidRegion(n.AsSpan(2), false));
        Time("validator, national (8 regions), numbering plans", n => plans.ValidRegion(n.AsSpan(2), false));
        Time("new PhoneNumber + region + valid", n => { var p = new PhoneNumber.Builder().SetCountryCode(1).SetNationalNumber(ulong.Parse(n.AsSpan(2))).Build(); var r = util.GetRegionCodeForNumber(p); if (r != null) util.IsValidNumberForRegion(p, r); });
        return 0;
    }
}
