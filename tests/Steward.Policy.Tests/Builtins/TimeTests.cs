using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class TimeTests
{
    // 2017-06-02T19:00:00.123456789Z
    private const long Ns = 1496430000123456789;

    [Fact]
    public void NowNs_IsTheQueryClock()
    {
        var context = Call.Context(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        Assert.Equal("1700000000000000000", Call.Value(context, "time.now_ns")!.ToJson());
    }

    [Theory]
    [InlineData("2017-06-02T19:00:00Z", 1496430000000000000)]
    [InlineData("2017-06-02T19:00:00.5+02:00", 1496422800500000000)]
    [InlineData("1970-01-01T00:00:00-00:01", 60000000000)]
    public void ParseRfc3339(string text, long expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Call.Json("time.parse_rfc3339_ns", Call.Str(text)));

    [Fact]
    public void ParseRfc3339_ReportsGoErrors()
    {
        Assert.Equal(
            "parsing time \"2017-06-02\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\"",
            Call.Error("time.parse_rfc3339_ns", "\"2017-06-02\""));
        Assert.Equal("parsing time \"2017-13-02T19:00:00Z\": month out of range", Call.Error("time.parse_rfc3339_ns", "\"2017-13-02T19:00:00Z\""));
        Assert.Equal("parsing time \"2017-02-30T19:00:00Z\": day out of range", Call.Error("time.parse_rfc3339_ns", "\"2017-02-30T19:00:00Z\""));
        Assert.Equal("parsing time \"2017-06-02T19:00:00Zjunk\": extra text: \"junk\"", Call.Error("time.parse_rfc3339_ns", "\"2017-06-02T19:00:00Zjunk\""));
    }

    [Theory]
    [InlineData("2006-01-02", "2017-06-02", 1496361600000000000)]
    [InlineData("Mon Jan _2 15:04:05 2006", "Fri Jun  2 19:00:00 2017", 1496430000000000000)]
    [InlineData("RFC822Z", "02 Jun 17 19:00 +0100", 1496426400000000000)]
    [InlineData("3:04PM Jan 2 2006", "7:00PM Jun 2 2017", 1496430000000000000)]
    [InlineData("2006-01-02 15:04:05.000", "2017-06-02 19:00:00.250", 1496430000250000000)]
    [InlineData("02 Jan 06 15:04 MST", "02 Jun 17 19:00 PDT", 1496430000000000000)]
    public void ParseNs_UsesGoLayouts(string layout, string text, long expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Call.Json("time.parse_ns", Call.Str(layout), Call.Str(text)));

    [Theory]
    [InlineData("1h30m", 5400000000000)]
    [InlineData("-1.5s", -1500000000)]
    [InlineData("300ms", 300000000)]
    [InlineData("1us", 1000)]
    [InlineData("1µs", 1000)]
    [InlineData("0", 0)]
    public void ParseDuration(string text, long expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Call.Json("time.parse_duration_ns", Call.Str(text)));

    [Theory]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("x", "time: invalid duration \"x\"")]
    [InlineData("", "time: invalid duration \"\"")]
    public void ParseDuration_Errors(string text, string message) =>
        Assert.Equal(message, Call.Error("time.parse_duration_ns", Call.Str(text)));

    [Theory]
    [InlineData("2006-01-02T15:04:05Z07:00", "UTC", "2017-06-02T19:00:00Z")]
    [InlineData("", "UTC", "2017-06-02T19:00:00.123456789Z")]
    [InlineData("Monday, 02-Jan-06 03:04:05 PM MST", "America/New_York", "Friday, 02-Jun-17 03:00:00 PM EDT")]
    [InlineData("2006-01-02 15:04:05.000 -0700", "Asia/Kolkata", "2017-06-03 00:30:00.123 +0530")]
    [InlineData("Jan _2 __2 002 .999", "UTC", "Jun  2 153 153 .123")]
    [InlineData("RFC1123Z", "Europe/Paris", "Fri, 02 Jun 2017 21:00:00 +0200")]
    public void Format_UsesGoLayoutsAndZones(string layout, string zone, string expected)
    {
        var arg = layout.Length == 0 ? $"[{Ns}, {Call.Str(zone)}]" : $"[{Ns}, {Call.Str(zone)}, {Call.Str(layout)}]";
        Assert.Equal(Call.Str(expected), Call.Json("time.format", arg));
    }

    [Fact]
    public void Format_OfAPlainNumberIsRfc3339NanoInUtc() =>
        Assert.Equal("\"2017-06-02T19:00:00.123456789Z\"", Call.Json("time.format", Ns.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DateClockWeekday_RespectTheZone()
    {
        Assert.Equal("[2017,6,2]", Call.Json("time.date", $"{Ns}"));
        Assert.Equal("[2017,6,3]", Call.Json("time.date", $"[{Ns}, \"Asia/Tokyo\"]"));
        Assert.Equal("[19,0,0]", Call.Json("time.clock", $"{Ns}"));
        Assert.Equal("\"Friday\"", Call.Json("time.weekday", $"{Ns}"));
        Assert.Equal("[1969,12,31]", Call.Json("time.date", "-1"));
        Assert.Equal("unknown time zone Nowhere/City", Call.Error("time.date", $"[{Ns}, \"Nowhere/City\"]"));
        Assert.Equal("operand 1 must be either number (ns) or [number (ns), string (tz)] but got string", Call.TypeError("time.date", "\"x\""));
        Assert.Equal("timestamp too big", Call.Error("time.date", "1.5"));
    }

    [Fact]
    public void AddDate_NormalisesLikeGo()
    {
        // 2017-01-31 + 1 month = 2017-03-03
        var jan31 = Call.Json("time.parse_rfc3339_ns", "\"2017-01-31T00:00:00Z\"")!;
        var result = Call.Json("time.add_date", jan31, "0", "1", "0")!;
        Assert.Equal("[2017,3,3]", Call.Json("time.date", result));
        Assert.Equal("time outside of valid range", Call.Error("time.add_date", jan31, "1000", "0", "0"));
    }

    [Fact]
    public void Diff_GivesCalendarDifferences()
    {
        var a = Call.Json("time.parse_rfc3339_ns", "\"2017-01-31T10:00:00Z\"")!;
        var b = Call.Json("time.parse_rfc3339_ns", "\"2018-03-01T09:30:15Z\"")!;
        Assert.Equal("[1,1,0,23,30,15]", Call.Json("time.diff", b, a));
    }

    [Fact]
    public void NowNs_IsRegisteredAsNondeterministic() =>
        Assert.True(Steward.Policy.Builtins.BuiltinRegistry.Default.TryGet("time.now_ns", out var b) && b.Nondeterministic && b.Arity == 0);

    [Fact]
    public void LocalZone_ComesFromTheTimeProvider()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var context = Call.Context(new FixedTime(DateTimeOffset.UnixEpoch, tokyo));
        var date = Call.Value(context, "time.date", new ArrayValue([NumberValue.Of(Ns), Call.S("Local")]));
        Assert.Equal("[2017,6,3]", date!.ToJson());
    }
}
