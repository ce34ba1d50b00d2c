using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Ledger;

namespace Steward.Server.Dashboard.Audit;

/// <summary>One entry of the audit trail as shown: its stored bytes, their envelope, and the proof check.</summary>
internal sealed record AuditRow(LedgerEntry Entry, JsonObject? Envelope, EntryProof Proof)
{
    public string Type => Text(Envelope?["type"]) ?? "(unreadable)";

    public DateTimeOffset? Time => Text(Envelope?["time"]) is { } t && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public (string Id, string Kind) Actor => (Text(Envelope?["actor"]?["id"]) ?? "?", Text(Envelope?["actor"]?["kind"]) ?? "");

    public (string Kind, string Id) Subject => (Text(Envelope?["subject"]?["kind"]) ?? "?", Text(Envelope?["subject"]?["id"]) ?? "");

    public JsonObject Data => Envelope?["data"] as JsonObject ?? [];

    /// <summary>The entry's bytes as text: the canonical JSON that was hashed into the ledger.</summary>
    public string Canonical => System.Text.Encoding.UTF8.GetString(Entry.Leaf);

    /// <summary>Parses the stored bytes; a leaf that is not a JSON object yields null (and fails verification).</summary>
    public static JsonObject? ParseEnvelope(byte[] leaf)
    {
        try
        {
            return JsonNode.Parse(leaf) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
