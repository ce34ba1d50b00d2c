using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Policies;

namespace Steward.Server.Policies;

/// <summary>
/// Reads an OPA agent's decision-log upload: a JSON array of decision events, gzip-compressed when
/// <c>Content-Encoding: gzip</c> (as OPA sends it). Events labelled <c>steward_source: sidecar</c> come from a
/// Steward sidecar; the rest are <c>opa-upload</c>. Unknown event members (bundles, erased, ...) are ignored.
/// </summary>
internal static class DecisionLogUpload
{
    public const int MaxEvents = 10_000;

    public static async Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(HttpRequest request, PolicyOptions options)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var raw = await OpaInput.ReadAsync(request, options.MaxLogUploadBytes);
        byte[] json;
        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            json = Decompress(raw, options.MaxLogUploadBytes);
        else if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            json = raw.Length <= options.MaxLogUploadBytes ? raw : throw Invalid($"the upload exceeds {options.MaxLogUploadBytes} bytes (Policy:MaxLogUploadBytes)");
        else
            throw new OpaException(415, OpaCodes.InvalidParameter, $"Content-Encoding '{encoding}' is not supported (use gzip or none)");

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, null, new JsonDocumentOptions { MaxDepth = options.MaxInputDepth + 4 });
        }
        catch (JsonException e)
        {
            throw Invalid($"the upload is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        if (root is not JsonArray events) throw Invalid("the upload must be a JSON array of decision events");
        if (events.Count > MaxEvents) throw Invalid($"the upload holds more than {MaxEvents} events");
        return events.Select((e, i) => Event(e, i)).ToList();
    }

    private static DecisionLogEntry Event(JsonNode? node, int index)
    {
        if (node is not JsonObject e) throw Invalid($"event [{index}] is not an object");
        var id = Text(e, "decision_id", index, required: true, 128)!;
        var path = Text(e, "path", index, required: false, 1024) ?? Text(e, "query", index, required: false, 4096) ?? "";
        var stamp = Text(e, "timestamp", index, required: true, 64)!;
        if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            throw Invalid($"event [{index}].timestamp is not an RFC 3339 time");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (e["labels"] is JsonObject l)
        {
            foreach (var (k, v) in l)
            {
                if (labels.Count >= 64) throw Invalid($"event [{index}].labels holds more than 64 labels");
                var value = v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : v?.ToJsonString() ?? "null";
                if (k.Length > 128 || value.Length > 1024) throw Invalid($"event [{index}].labels.{k} is too long");
                labels[k] = value;
            }
        }
        else if (e["labels"] is not null)
        {
            throw Invalid($"event [{index}].labels must be an object");
        }
        var metrics = e["metrics"] switch
        {
            JsonObject m => (JsonObject)m.DeepClone(),
            null => null,
            _ => throw Invalid($"event [{index}].metrics must be an object"),
        };
        var error = e["error"] switch
        {
            null => null,
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        var source = labels.TryGetValue("steward_source", out var src) && src == DecisionSource.Sidecar ? DecisionSource.Sidecar : DecisionSource.OpaUpload;
        return new DecisionLogEntry(id, path, e["input"]?.DeepClone(), e["result"]?.DeepClone(), timestamp, labels,
            Text(e, "requested_by", index, required: false, 256), metrics, source, error, Reported(e, index));
    }

    /// <summary>
    /// A Steward sidecar or middleware reports its own outcome (<c>steward: {allowed, deny}</c>, by the engine's
    /// allow/deny convention, fail-closed on errors); it is kept as reported rather than derived again.
    /// </summary>
    private static DecisionOutcome? Reported(JsonObject e, int index)
    {
        if (e["steward"] is not JsonObject steward) return null;
        if (steward["allowed"] is not JsonValue a || a.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw Invalid($"event [{index}].steward.allowed must be a boolean");
        var deny = new List<string>();
        if (steward["deny"] is JsonArray messages)
        {
            foreach (var m in messages)
            {
                if (m is not JsonValue v || v.GetValueKind() != JsonValueKind.String) throw Invalid($"event [{index}].steward.deny must hold strings");
                deny.Add(v.GetValue<string>());
            }
        }
        else if (steward["deny"] is not null)
        {
            throw Invalid($"event [{index}].steward.deny must be an array of strings");
        }
        return new DecisionOutcome(a.GetValueKind() == JsonValueKind.True, deny);
    }

    private static string? Text(JsonObject e, string name, int index, bool required, int max)
    {
        var node = e[name];
        if (node is null)
            return required ? throw Invalid($"event [{index}].{name} is required") : null;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            throw Invalid($"event [{index}].{name} must be a string");
        var text = v.GetValue<string>();
        if (text.Length > max || (required && text.Length == 0) || text.Any(char.IsControl))
            throw Invalid($"event [{index}].{name} must be 1 to {max} characters without control characters");
        return text;
    }

    private static byte[] Decompress(byte[] compressed, int limit)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > limit) throw Invalid($"the decompressed upload exceeds {limit} bytes (Policy:MaxLogUploadBytes)");
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw Invalid("the body is not valid gzip data");
        }
    }

    private static OpaException Invalid(string message) => new(400, OpaCodes.InvalidParameter, message);
}
