using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Audit;

/// <summary>One line saying what an entry's data holds; the full canonical JSON is a click away.</summary>
internal static class EventSummary
{
    public static Html Describe(string type, JsonObject data) => type switch
    {
        "system.registered" => Html.Of($"Registered <strong>{S(data, "name")}</strong> {Tier(data)} · {S(data, "status")} · owner {S(data, "owner")}"),
        "system.updated" => Html.Of($"Changed {Html.Join(Changes(data))}"),
        "model.registered" => Html.Of($"Registered model <strong>{S(data, "name")}</strong>{Optional(" · ", S(data, "framework"))} · owner {S(data, "owner")}"),
        "dataset.registered" => Html.Of($"Registered dataset <strong>{S(data, "name")}</strong> · owner {S(data, "owner")}{Digest(data)}"),
        "decision.recorded" => Decision(data),
        "decision.refused" => Html.Of($"Refused: {Humanize(S(data, "type"))} {Outcome(data)} — {S(data, "reason")}"),
        "api_key.created" => Html.Of($"API key <strong>{S(data, "name")}</strong> ({Code(S(data, "prefix"))}) with roles {Roles(data)}{Optional(" · expires ", S(data, "expires_at"))}"),
        "api_key.revoked" => Html.Of($"API key {Format.Short(S(data, "id"))} revoked"),
        "actor_key.registered" => Html.Of($"Signing key {Format.Short(S(data, "key_id"))} ({S(data, "alg")}) registered for {S(data, "actor_id")}"),
        "actor_key.revoked" => Html.Of($"Signing key {Format.Short(S(data, "key_id"))} revoked"),
        _ => Generic(data),
    };

    private static Html Decision(JsonObject data)
    {
        var rationale = S(data, "rationale");
        var signature = data["signature"] is JsonObject sig ? Html.Of($" · signed with key {Format.Short(S(sig, "key_id"))}") : Html.Empty;
        var supersedes = S(data, "supersedes") is { } old ? Html.Of($" · supersedes {Format.Short(old)}") : Html.Empty;
        var because = string.IsNullOrEmpty(rationale) ? Html.Empty : Html.Of($" — “{Format.Truncate(rationale, 140)}”");
        return Html.Of($"{Humanize(S(data, "type"))} {Outcome(data)}{because}{signature}{supersedes}");
    }

    private static IEnumerable<Html> Changes(JsonObject data) => data
        .Select((field, i) => Html.Of($"{(i == 0 ? Html.Empty : Html.Of($", "))}{field.Key.Replace('_', ' ')} → <strong>{Scalar(field.Value)}</strong>"));

    private static Html Generic(JsonObject data) => Html.Join(data
        .Where(f => f.Value is JsonValue)
        .Take(4)
        .Select((f, i) => Html.Of($"{(i == 0 ? Html.Empty : Html.Of($" · "))}{f.Key}: {Format.Truncate(Scalar(f.Value), 60)}")));

    private static Html Tier(JsonObject data) => S(data, "risk_tier") is { } tier ? Format.RiskBadge(tier) : Html.Empty;

    private static Html Outcome(JsonObject data) => S(data, "outcome") is { } outcome ? Format.OutcomeBadge(outcome) : Html.Empty;

    private static Html Digest(JsonObject data) => S(data, "sha256") is { } sha ? Html.Of($" · sha256 {Format.Short(sha)}") : Html.Empty;

    private static Html Roles(JsonObject data) => data["roles"] is JsonArray roles
        ? Html.Text(string.Join(", ", roles.Select(Scalar)))
        : Html.Text("—");

    /// <summary>A decision type as words: <c>deployment_approval</c> reads "Deployment approval".</summary>
    private static string Humanize(string? type) =>
        string.IsNullOrEmpty(type) ? "Decision" : char.ToUpperInvariant(type[0]) + type[1..].Replace('_', ' ');

    private static Html Code(string? text) => text is null ? Html.Empty : Html.Of($"<code>{text}</code>");

    private static Html Optional(string prefix, string? value) => string.IsNullOrEmpty(value) ? Html.Empty : Html.Of($"{prefix}{value}");

    /// <summary>A string member's value, or the JSON text of another kind of value; null when absent.</summary>
    private static string? S(JsonObject data, string name) => data[name] is { } node ? Scalar(node) : null;

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
