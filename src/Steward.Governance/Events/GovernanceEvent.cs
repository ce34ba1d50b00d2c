using System.Text.Json.Nodes;

namespace Steward.Governance.Events;

/// <summary>A governance event waiting for its place in the ledger (the envelope without its index).</summary>
/// <param name="Id">UUIDv7.</param>
/// <param name="Time">When the actor acted (UTC, from TimeProvider).</param>
/// <param name="Type">Dotted type, e.g. <c>decision.recorded</c>.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Data">Type-specific content.</param>
/// <param name="Refs">References (decision id, MLflow run id, ticket key, ...).</param>
public sealed record GovernanceEvent(
    Guid Id,
    DateTimeOffset Time,
    string Type,
    Subject Subject,
    Actor Actor,
    JsonObject Data,
    IReadOnlyDictionary<string, string> Refs)
{
    /// <summary>The envelope as JSON, with its ledger index.</summary>
    public JsonObject ToEnvelope(long index)
    {
        var refs = new JsonObject();
        foreach (var (k, v) in Refs) refs[k] = v;
        return new JsonObject
        {
            ["id"] = Id.ToString(),
            ["index"] = index,
            ["time"] = Timestamps.Format(Time),
            ["type"] = Type,
            ["subject"] = new JsonObject { ["kind"] = Subject.Kind, ["id"] = Subject.Id },
            ["actor"] = new JsonObject { ["id"] = Actor.Id, ["kind"] = Actor.Kind },
            ["data"] = Data.DeepClone(),
            ["refs"] = refs,
        };
    }
}
