using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Probes.Http;

/// <summary>
/// A JSON request body with a placeholder. A string value that is exactly <c>{{input}}</c> is replaced by the input
/// (any JSON value); inside a longer string the placeholder is replaced by the input's text.
/// </summary>
public sealed class RequestTemplate
{
    /// <summary>The placeholder.</summary>
    public const string Placeholder = "{{input}}";

    private readonly JsonNode _template;

    private RequestTemplate(JsonNode template) => _template = template;

    /// <summary>Parses a template; throws <see cref="FormatException"/> when it is not JSON or has no placeholder.</summary>
    public static RequestTemplate Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the request template is not JSON: {ex.Message}", ex);
        }
        if (node is null || !node.ToJsonString().Contains(Placeholder, StringComparison.Ordinal))
            throw new FormatException($"the request template must contain the placeholder \"{Placeholder}\" in a string value");
        return new RequestTemplate(node);
    }

    /// <summary>The body for one input.</summary>
    public JsonNode Render(JsonNode input)
    {
        var body = _template.DeepClone();
        return Replacement(body, input) ?? body;
    }

    /// <summary>The node that replaces <paramref name="node"/>, or null when it stays (its children replaced in place).</summary>
    private static JsonNode? Replacement(JsonNode? node, JsonNode input)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    if (Replacement(obj[key], input) is { } replaced) obj[key] = replaced;
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Replacement(array[i], input) is { } replaced) array[i] = replaced;
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text == Placeholder) return input.DeepClone();
                if (!text.Contains(Placeholder, StringComparison.Ordinal)) return null;
                var inputText = input.GetValueKind() == JsonValueKind.String ? input.GetValue<string>() : input.ToJsonString();
                return JsonValue.Create(text.Replace(Placeholder, inputText, StringComparison.Ordinal));
            default:
                return null;
        }
    }
}
