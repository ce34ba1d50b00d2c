using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonical;

namespace Steward.Ledger.Tests.Canonical;

/// <summary>Values held as .NET primitives serialize exactly as the same values parsed from text.</summary>
public sealed class CanonicalNodeValueTests
{
    public static TheoryData<JsonNode, string> Values() => new()
    {
        { JsonValue.Create(42), "42" },
        { JsonValue.Create(-7L), "-7" },
        { JsonValue.Create(9007199254740993L), "9007199254740992" },
        { JsonValue.Create(0.1), "0.1" },
        { JsonValue.Create(1e21), "1e+21" },
        { JsonValue.Create(true), "true" },
        { JsonValue.Create(2.5m), "2.5" },
        { JsonValue.Create((short)3), "3" },
        { new JsonObject { ["b"] = 1, ["a"] = new JsonArray(false, 1.5, "x") }, "{\"a\":[false,1.5,\"x\"],\"b\":1}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void PrimitiveNodes_MatchTheirParsedForm(JsonNode value, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(value)));
        Assert.Equal(CanonicalJson.Serialize(JsonNode.Parse(value.ToJsonString())), CanonicalJson.Serialize(value));
    }

    [Fact]
    public void NonFiniteNumbers_HaveNoCanonicalForm() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CanonicalJson.Serialize(JsonValue.Create(double.NaN)));
}
