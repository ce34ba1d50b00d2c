using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Steward.Governance.Events;

/// <summary>The JSON conventions of Steward: snake_case, nulls omitted, enums as strings.</summary>
public static class GovernanceJson
{
    /// <summary>Serializer options used for event data and the HTTP API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes an object to a JSON object node.</summary>
    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)?.AsObject() ?? throw new InvalidOperationException("expected a JSON object");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
