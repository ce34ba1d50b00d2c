using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Policy.Values;

namespace Steward.Governance.Lifecycle;

/// <summary>Turns the JSON facts sources give into policy values without a round trip through text.</summary>
internal static class JsonFacts
{
    public static Value ToValue(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return NullValue.Instance;
            case JsonObject obj:
            {
                var builder = new ObjectBuilder();
                foreach (var (key, child) in obj) builder.Set(new StringValue(key), ToValue(child));
                return builder.Build();
            }
            case JsonArray array:
            {
                if (array.Count == 0) return ArrayValue.Empty;
                var items = new Value[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToValue(array[i]);
                return new ArrayValue(items);
            }
            default:
            {
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String: return new StringValue(value.GetValue<string>());
                    case JsonValueKind.True: return BooleanValue.True;
                    case JsonValueKind.False: return BooleanValue.False;
                    case JsonValueKind.Null: return NullValue.Instance;
                    default:
                        if (value.TryGetValue<long>(out var l)) return NumberValue.Of(l);
                        if (value.TryGetValue<int>(out var i)) return NumberValue.Of(i);
                        return ValueJson.Parse(value.ToJsonString());
                }
            }
        }
    }
}
