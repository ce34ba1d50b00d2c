using System.Text.Json;

namespace Steward.Client;

/// <summary>The event envelope a ledger leaf holds.</summary>
/// <param name="Id">The event's id (UUIDv7).</param>
/// <param name="Index">The entry's position in the log.</param>
/// <param name="Time">When the event happened (UTC).</param>
/// <param name="Type">The dotted event type, e.g. <c>decision.recorded</c>.</param>
/// <param name="Subject">What the event is about.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Data">The type-specific payload.</param>
/// <param name="Refs">References to decisions, runs, tickets.</param>
public sealed record LedgerEvent(
    string Id,
    long Index,
    DateTimeOffset Time,
    string Type,
    SubjectRef? Subject,
    ActorRef? Actor,
    JsonElement Data,
    IReadOnlyDictionary<string, string>? Refs);
