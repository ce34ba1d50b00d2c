using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Governance.Policies;

/// <summary>What a decision's result means: allowed or not, why not, and which endpoint it was about.</summary>
/// <param name="Allowed">True, false, or null when the result is undefined, failed or of no known shape.</param>
/// <param name="DenyReasons">The members of <c>deny</c> as text (a string as it is, an object's <c>msg</c>, else JSON).</param>
public sealed record DecisionOutcome(bool? Allowed, IReadOnlyList<string> DenyReasons)
{
    /// <summary>
    /// Derives the outcome. <c>true</c>/<c>false</c> decide directly. For an object: a non-empty <c>deny</c> denies
    /// (deny wins over <c>allow</c>, so a policy cannot allow and deny at once); otherwise <c>allow == true</c>
    /// allows, <c>allow == false</c> denies, and an empty <c>deny</c> without <c>allow</c> allows.
    /// </summary>
    public static DecisionOutcome Derive(JsonNode? result, bool failed)
    {
        if (failed || result is null) return new(null, []);
        if (result is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return new(v.GetValueKind() == JsonValueKind.True, []);
        if (result is not JsonObject obj) return new(null, []);
        var reasons = obj["deny"] switch
        {
            JsonArray array => array.Select(Reason).ToList(),
            JsonObject map => map.Select(p => p.Key).ToList(),
            _ => null,
        };
        if (reasons is { Count: > 0 }) return new(false, reasons);
        var allow = obj["allow"] is JsonValue a && a.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? a.GetValueKind() == JsonValueKind.True : (bool?)null;
        if (allow is not null) return new(allow, []);
        return reasons is not null ? new(true, []) : new(null, []);
    }

    /// <summary>The endpoint of a decision: <c>input.endpoint</c>, else the <c>endpoint</c> label, else the path.</summary>
    public static string Endpoint(JsonNode? input, IReadOnlyDictionary<string, string> labels, string path)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (input is JsonObject o && o["endpoint"] is JsonValue e && e.GetValueKind() == JsonValueKind.String && e.GetValue<string>() is { Length: > 0 and <= 256 } s)
            return s;
        if (labels.TryGetValue("endpoint", out var label) && label.Length is > 0 and <= 256) return label;
        return path;
    }

    private static string Reason(JsonNode? node) => node switch
    {
        JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>(),
        JsonObject o when o["msg"] is JsonValue m && m.GetValueKind() == JsonValueKind.String => m.GetValue<string>(),
        null => "null",
        _ => node.ToJsonString(),
    };
}
