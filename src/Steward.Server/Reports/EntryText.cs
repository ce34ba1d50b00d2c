using System.Globalization;
using System.Text.Json.Nodes;

namespace Steward.Server.Reports;

/// <summary>One sentence per ledger entry, in words a reader of a report understands.</summary>
internal static class EntryText
{
    public static string Describe(EvidenceEntry e)
    {
        var when = Date(e.Time);
        var what = e.Type switch
        {
            "system.registered" => $"registered the system \"{e.Text("name")}\" (risk tier {e.Text("risk_tier")}, owner {e.Text("owner")})",
            "system.updated" => "changed " + string.Join(", ", e.Data.Select(f => $"{Words(f.Key)} to \"{Scalar(f.Value)}\"")),
            "model.registered" => $"registered model \"{e.Text("name")}\"{Opt(" (", e.Text("framework"), ")")}",
            "dataset.registered" => $"registered dataset \"{e.Text("name")}\"{Opt(" with SHA-256 ", e.Text("sha256"), "")}",
            "decision.recorded" => $"recorded a {Words(e.Text("type"))} decision: {e.Text("outcome")}{Opt(" — \"", Cut(e.Text("rationale")), "\"")}"
                + (e.Data["signature"] is JsonObject ? " (signed)" : "") + Opt(", superseding ", e.Text("supersedes"), ""),
            "decision.refused" => $"was refused a {Words(e.Text("type"))} decision: {e.Text("reason")}",
            "stage.changed" => $"moved the system from {Words(e.Text("from"))} to {Words(e.Text("to"))}{Opt(" (", e.Text("reason"), ")")}",
            "stage.change_refused" => $"asked to move the system from {Words(e.Text("from"))} to {Words(e.Text("to"))}; the gate refused: "
                + string.Join("; ", (e.Data["unmet"] as JsonArray ?? []).Select(u => Scalar(u?["rule"]))),
            _ => Generic(e),
        };
        return $"{when}: {e.Actor} {what}";
    }

    private static string Generic(EvidenceEntry e)
    {
        var words = Words(e.Type.Replace('.', ' '));
        var known = new[] { "title", "template", "template_version", "outcome", "status", "severity", "risk_tier", "inherent_risk", "residual_risk", "reason", "key" }
            .Select(k => (k, v: e.Text(k))).Where(p => !string.IsNullOrEmpty(p.v)).Select(p => $"{Words(p.k)} {Cut(p.v)}").ToList();
        return known.Count == 0 ? $"recorded {words}" : $"recorded {words} ({string.Join(", ", known)})";
    }

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Words(string? text) => string.IsNullOrEmpty(text) ? "?" : text.Replace('_', ' ');

    public static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string? Cut(string? text) => text is null ? null : text.Length <= 160 ? text : text[..159] + "…";

    private static string Opt(string prefix, string? value, string suffix) => string.IsNullOrEmpty(value) ? "" : prefix + value + suffix;
}
