using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Steward.Client;

/// <summary>
/// The JSON settings of the Steward API: snake_case property names, dictionary keys kept as given,
/// <see langword="null"/> members omitted.
/// </summary>
public static class StewardJson
{
    /// <summary>The serializer options used on the wire (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Serializes <paramref name="value"/> to a JSON node exactly as it is sent to the server,
    /// so that a signature over the canonical form of the node covers the bytes on the wire.
    /// </summary>
    /// <typeparam name="T">The type to serialize.</typeparam>
    /// <param name="value">The value to serialize.</param>
    /// <returns>The JSON node, or <see langword="null"/> for a <see langword="null"/> value.</returns>
    public static JsonNode? ToJsonNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
