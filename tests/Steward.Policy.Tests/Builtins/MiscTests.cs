namespace Steward.Policy.Tests.Builtins;

public sealed class MiscTests
{
    [Theory]
    [InlineData("\"100TIB\"", "109951162777600")]
    [InlineData("10KB", "10000")]
    [InlineData("10Kib", "10240")]
    [InlineData(".5k", "500")]
    [InlineData("1.5mb", "1500000")]
    [InlineData("1e3", "1000")]
    public void ParseBytes(string text, string expected) => Assert.Equal(expected, Call.Json("units.parse_bytes", Call.Str(text)));

    [Theory]
    [InlineData("", "units.parse_bytes: no byte amount provided")]
    [InlineData("10 KB", "units.parse_bytes: spaces not allowed in resource strings")]
    [InlineData("10XB", "units.parse_bytes: byte unit xb not recognized")]
    [InlineData("1..2", "units.parse_bytes: could not parse byte amount to a number")]
    [InlineData("1e1234567", "units.parse_bytes: exponent too large")]
    public void ParseBytes_Errors(string text, string message) => Assert.Equal(message, Call.Error("units.parse_bytes", Call.Str(text)));

    [Theory]
    [InlineData("1m", "0.001")]
    [InlineData("1M", "1000000")]
    [InlineData("1Mi", "1048576")]
    [InlineData("1.5Ki", "1536")]
    [InlineData("100", "100")]
    [InlineData("1.5", "1.5")]
    public void ParseUnits_DistinguishesMilliFromMega(string text, string expected) =>
        Assert.Equal(expected, Call.Json("units.parse", Call.Str(text)));

    [Fact]
    public void ParseUnits_Errors()
    {
        Assert.Equal("units.parse: unit mb not recognized", Call.Error("units.parse", "\"1mb\""));
        Assert.Equal("units.parse: no amount provided", Call.Error("units.parse", "\"K\""));
    }

    [Fact]
    public void Hashes_AreLowercaseHex()
    {
        Assert.Equal("\"5d41402abc4b2a76b9719d911017c592\"", Call.Json("crypto.md5", "\"hello\""));
        Assert.Equal("\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"", Call.Json("crypto.sha1", "\"hello\""));
        Assert.Equal("\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"", Call.Json("crypto.sha256", "\"hello\""));
        Assert.Equal("\"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8\"", Call.Json("crypto.hmac.sha256", "\"The quick brown fox jumps over the lazy dog\"", "\"key\""));
        Assert.Equal("true", Call.Json("crypto.hmac.equal", "\"abc\"", "\"abc\""));
        Assert.Equal("false", Call.Json("crypto.hmac.equal", "\"abc\"", "\"abd\""));
    }

    [Fact]
    public void Uuid_GeneratesVersion4OncePerKeyAndParses()
    {
        var context = Call.Context();
        var a = Call.Value(context, "uuid.rfc4122", Call.S("k"))!.ToJson();
        Assert.Equal(a, Call.Value(context, "uuid.rfc4122", Call.S("k"))!.ToJson());
        Assert.NotEqual(a, Call.Value(context, "uuid.rfc4122", Call.S("other"))!.ToJson());
        Assert.Matches("^\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"$", a);
        Assert.Equal("{\"variant\":\"RFC4122\",\"version\":4}", Call.Json("uuid.parse", "\"00000000-0000-4000-8000-000000000000\""));
        Assert.Equal(
            "{\"clocksequence\":7708,\"nodeid\":\"global:unicast:00005e005301\",\"time\":1690000000000000000,\"variant\":\"RFC4122\",\"version\":1}",
            Call.Json("uuid.parse", "\"" + V1Uuid() + "\""));
        Assert.Null(Call.Json("uuid.parse", "\"not-a-uuid\""));
    }

    private static string V1Uuid()
    {
        // 100 ns intervals since 1582-10-15 for 2023-07-22T04:26:40Z, clock sequence 7708, node 00:00:5e:00:53:01.
        var t = (1690000000L * 10000000) + 122192928000000000L;
        var low = (uint)t;
        var mid = (ushort)(t >> 32);
        var high = (ushort)(((t >> 48) & 0x0fff) | 0x1000);
        var clock = (ushort)(7708 | 0x8000);
        return $"{low:x8}-{mid:x4}-{high:x4}-{clock:x4}-00005e005301";
    }

    [Theory]
    [InlineData("1.2.3", "1.2.4", -1)]
    [InlineData("1.2.3-alpha", "1.2.3", -1)]
    [InlineData("1.2.3-alpha.2", "1.2.3-alpha.10", -1)]
    [InlineData("1.2.3-alpha.beta", "1.2.3-alpha.1", 1)]
    [InlineData("v1.0.0+build", "1.0.0", 0)]
    public void Semver_Compare(string a, string b, int expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Call.Json("semver.compare", Call.Str(a), Call.Str(b)));

    [Fact]
    public void Semver_Validity()
    {
        Assert.Equal("true", Call.Json("semver.is_valid", "\"1.0.0-rc.1+sha.5114f85\""));
        Assert.Equal("false", Call.Json("semver.is_valid", "\"1.0\""));
        Assert.Equal("false", Call.Json("semver.is_valid", "1"));
        Assert.Equal("operand 2: string 1.x.0 is not a valid SemVer", Call.Error("semver.compare", "\"1.0.0\"", "\"1.x.0\""));
    }
}
