using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Steward.Governance.Errors;
using Steward.Governance.Events;

namespace Steward.Governance.Decisions;

/// <summary>A decision request parsed strictly from its JSON body, keeping the signed payload (body minus signature).</summary>
public sealed partial record DecisionRequest(
    string Type, Subject Subject, string Outcome, string Rationale, JsonNode? RiskAcknowledged,
    IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<string, string> Refs, string? Supersedes,
    string? SignatureKeyId, byte[]? Signature, JsonObject SignedPayload)
{
    private static readonly HashSet<string> Fields =
        ["type", "subject", "outcome", "rationale", "risk_acknowledged", "evidence", "refs", "supersedes", "signature"];

    /// <summary>Parses and validates; every problem is reported at once.</summary>
    public static DecisionRequest Parse(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var check = new Check();
        foreach (var (key, _) in body)
            if (!Fields.Contains(key)) check.Fail(key, "is not a known field");

        var type = check.Required("type", Str(body, "type", check), 64);
        if (type.Length > 0 && !TypePattern().IsMatch(type))
            check.Fail("type", "must be a known type or match ^[a-z][a-z0-9_]{1,63}$");
        var subject = ParseSubject(body["subject"], check);
        var outcome = check.OneOf("outcome", Str(body, "outcome", check), Decision.Outcomes) ?? "";
        var rationale = check.Required("rationale", Str(body, "rationale", check), 10_000);
        var risk = body["risk_acknowledged"];
        if (risk is not null && risk.GetValueKind() is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
            check.Fail("risk_acknowledged", "must be a string or a boolean");
        else if (risk?.GetValueKind() == JsonValueKind.String) check.Text("risk_acknowledged", risk.GetValue<string>(), 4000);
        var evidence = ParseEvidence(body["evidence"], check);
        var refs = ParseRefs(body["refs"], check);
        var supersedes = check.Text("supersedes", Str(body, "supersedes", check), 64);
        var (keyId, sig) = ParseSignature(body["signature"], check);
        check.ThrowIfFailed();

        var payload = (JsonObject)body.DeepClone();
        payload.Remove("signature");
        return new DecisionRequest(type, subject!, outcome, rationale, risk?.DeepClone(), evidence, refs, supersedes, keyId, sig, payload);
    }

    private static string? Str(JsonObject body, string field, Check check)
    {
        var node = body[field];
        if (node is null) return null;
        if (node.GetValueKind() != JsonValueKind.String) { check.Fail(field, "must be a string"); return null; }
        return node.GetValue<string>();
    }

    private static Subject? ParseSubject(JsonNode? node, Check check)
    {
        if (node is not JsonObject obj) { check.Fail("subject", "is required: {\"kind\": \"system|model|dataset\", \"id\": \"...\"}"); return null; }
        foreach (var (key, _) in obj)
            if (key is not ("kind" or "id")) check.Fail($"subject.{key}", "is not a known field");
        var kind = check.OneOf("subject.kind", Str(obj, "kind", check), ["system", "model", "dataset"]);
        var id = check.Required("subject.id", Str(obj, "id", check), 64);
        return new Subject(kind ?? "", id);
    }

    private static List<Evidence> ParseEvidence(JsonNode? node, Check check)
    {
        var list = new List<Evidence>();
        if (node is null) return list;
        if (node is not JsonArray array) { check.Fail("evidence", "must be an array of {\"uri\", \"sha256\"}"); return list; }
        if (array.Count > 100) check.Fail("evidence", "must have at most 100 items");
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"evidence[{i}]";
            if (array[i] is not JsonObject item) { check.Fail(field, "must be an object"); continue; }
            foreach (var (key, _) in item)
                if (key is not ("uri" or "sha256")) check.Fail($"{field}.{key}", "is not a known field");
            var uri = check.Uri($"{field}.uri", Str(item, "uri", check));
            var sha = check.Sha256($"{field}.sha256", Str(item, "sha256", check));
            if (uri is null && sha is null) check.Fail(field, "needs a uri, a sha256, or both");
            list.Add(new Evidence(uri, sha));
        }
        return list;
    }

    private static Dictionary<string, string> ParseRefs(JsonNode? node, Check check)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return refs;
        if (node is not JsonObject obj) { check.Fail("refs", "must be an object of strings"); return refs; }
        if (obj.Count > 50) check.Fail("refs", "must have at most 50 entries");
        foreach (var (key, value) in obj)
        {
            if (!RefKeyPattern().IsMatch(key)) check.Fail($"refs.{key}", "key must match ^[a-z][a-z0-9_.-]{0,63}$");
            if (value is null || value.GetValueKind() != JsonValueKind.String) { check.Fail($"refs.{key}", "must be a string"); continue; }
            refs[key] = check.Required($"refs.{key}", value.GetValue<string>(), 500);
        }
        return refs;
    }

    private static (string?, byte[]?) ParseSignature(JsonNode? node, Check check)
    {
        if (node is null) return (null, null);
        if (node is not JsonObject obj) { check.Fail("signature", "must be {\"key_id\", \"sig\"}"); return (null, null); }
        foreach (var (key, _) in obj)
            if (key is not ("key_id" or "sig")) check.Fail($"signature.{key}", "is not a known field");
        var keyId = check.Required("signature.key_id", Str(obj, "key_id", check), 64);
        var sig = check.Required("signature.sig", Str(obj, "sig", check), 512);
        try
        {
            return (keyId, Convert.FromBase64String(sig));
        }
        catch (FormatException)
        {
            check.Fail("signature.sig", "must be base64");
            return (keyId, null);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,63}$")]
    private static partial Regex RefKeyPattern();
}
