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
    IReadOnlyDictionary<string, string> Refs);
