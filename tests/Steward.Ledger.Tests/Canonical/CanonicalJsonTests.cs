using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonical;

namespace Steward.Ledger.Tests.Canonical;

public sealed class CanonicalJsonTests
{
    private const string SortingInput = """
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    [Fact]
    public void Serialize_ReproducesTheRfc8785Example()
    {
        const string Input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string Expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        using var document = JsonDocument.Parse(Input);
        Assert.Equal(Expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
        Assert.Equal(Expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonNode.Parse(Input))));
        Assert.True(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(Expected)));
    }

    [Fact]
    public void Serialize_SortsMembersByUtf16CodeUnitsIncludingNonBmp()
    {
        using var document = JsonDocument.Parse(SortingInput);
        byte[] canonical = CanonicalJson.Serialize(document.RootElement);
        using var sorted = JsonDocument.Parse(canonical);
        var names = sorted.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"], names);
        Assert.True(CanonicalJson.IsCanonical(canonical));
    }

    [Fact]
    public void IsCanonical_RejectsCodePointOrderWhereItDiffersFromUtf16Order()
    {
        // U+FB33 sorts after U+1F600 in UTF-16 (surrogates come first), though its code point is smaller.
        Assert.True(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes("{\"\U0001F600\":1,\"\uFB33\":2}")));
        Assert.False(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes("{\"\uFB33\":2,\"\U0001F600\":1}")));
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Serialize_FormatsNumbersLikeEcmaScript(ulong bits, string expected)
    {
        double value = BitConverter.UInt64BitsToDouble(bits);
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonValue.Create(value))));
        using var document = JsonDocument.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
        Assert.True(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(expected)));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("1.0", "1")]
    [InlineData("1E2", "100")]
    [InlineData("-0.0", "0")]
    [InlineData("9007199254740993", "9007199254740992")]
    public void Serialize_NormalisesNumberSpellings(string input, string expected)
    {
        using var document = JsonDocument.Parse(input);
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
    }

    [Fact]
    public void Serialize_EscapesOnlyQuoteBackslashAndControlCharacters()
    {
        var node = JsonValue.Create("a\"b\\c\b\f\n\r\t\u0000\u001f\u007f/é€😀<>&'");
        Assert.Equal("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/é€😀<>&'\"", Encoding.UTF8.GetString(CanonicalJson.Serialize(node)));
    }

    [Fact]
    public void Serialize_RejectsDuplicateMembers()
    {
        using var document = JsonDocument.Parse("{\"a\":1,\"a\":2}");
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(document.RootElement));
    }

    [Fact]
    public void Serialize_RejectsDuplicateMembersInParsedNodes() =>
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(JsonNode.Parse("{\"b\":{\"a\":1,\"a\":2}}")));

    [Fact]
    public void Serialize_RejectsLoneSurrogates()
    {
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(JsonValue.Create("x\ud800y")));
        using var document = JsonDocument.Parse("\"x\\ud800y\"");
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(document.RootElement));
    }

    [Fact]
    public void Serialize_WritesNullNodeAsNull() => Assert.Equal("null"u8.ToArray(), CanonicalJson.Serialize((JsonNode?)null));

    [Fact]
    public void Serialize_HandlesNodesHoldingClrValues()
    {
        var node = new JsonObject { ["z"] = 1.5m, ["a"] = new JsonArray(true, "x", 3L), ["m"] = new JsonObject() };
        Assert.Equal("{\"a\":[true,\"x\",3],\"m\":{},\"z\":1.5}", Encoding.UTF8.GetString(CanonicalJson.Serialize(node)));
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2,{\"c\":null}]}")]
    [InlineData("\"\\u001f\\n\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("1e+30")]
    [InlineData("true")]
    public void IsCanonical_AcceptsCanonicalText(string json) => Assert.True(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData(" {}")]
    [InlineData("{} ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"b\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"a\":1}")]
    [InlineData("\"\\u0041\"")]
    [InlineData("\"\\/\"")]
    [InlineData("\"\\u001F\"")]
    [InlineData("\"\\u000a\"")]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("1.0")]
    [InlineData("-0")]
    [InlineData("01")]
    [InlineData("1E30")]
    [InlineData("1e30")]
    [InlineData("100000000000000000000000")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,]")]
    public void IsCanonical_RejectsOtherSpellings(string json) => Assert.False(CanonicalJson.IsCanonical(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void IsCanonical_RejectsInvalidUtf8AndByteOrderMark()
    {
        Assert.False(CanonicalJson.IsCanonical([(byte)'"', 0xC3, (byte)'"']));
        Assert.False(CanonicalJson.IsCanonical([(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']));
        Assert.False(CanonicalJson.IsCanonical([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']));
    }

    [Fact]
    public void IsCanonical_AgreesWithSerializeOnItsOwnOutput()
    {
        using var document = JsonDocument.Parse(SortingInput);
        byte[] canonical = CanonicalJson.Serialize(document.RootElement);
        Assert.True(CanonicalJson.IsCanonical(canonical));
        using var again = JsonDocument.Parse(canonical);
        Assert.Equal(canonical, CanonicalJson.Serialize(again.RootElement));
    }
}
