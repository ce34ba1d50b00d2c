using System.Text.Json.Nodes;

namespace Steward.Governance.Policies;

/// <summary>A stored decision-log event with what Steward derived from it.</summary>
/// <param name="Seq">Position in the log (newest is highest); the list's cursor.</param>
/// <param name="DecisionId">OPA's <c>decision_id</c>.</param>
/// <param name="Path">The evaluated path.</param>
/// <param name="Input">The input document.</param>
/// <param name="Result">The result (absent when undefined or failed).</param>
/// <param name="Timestamp">When the decision was made.</param>
/// <param name="Labels">OPA's labels.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="Metrics">OPA's metrics.</param>
/// <param name="Endpoint">The endpoint the decision was about (<c>input.endpoint</c>, else the <c>endpoint</c> label, else the path).</param>
/// <param name="Allowed">Whether the result allowed the request; null when undefined, failed or of no known shape.</param>
/// <param name="DenyReasons">The members of <c>deny</c>, as text.</param>
/// <param name="Source">server, opa-upload or sidecar.</param>
/// <param name="Error">The evaluation error, if any.</param>
/// <param name="ConsecutiveViolations">Denials of this endpoint in a row up to and including this event (an allow resets it).</param>
/// <param name="ReceivedAt">When Steward stored it.</param>
public sealed record PolicyDecision(
    long Seq, string DecisionId, string Path, JsonNode? Input, JsonNode? Result, DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Labels, string? RequestedBy, JsonNode? Metrics, string Endpoint, bool? Allowed,
    IReadOnlyList<string> DenyReasons, string Source, string? Error, long ConsecutiveViolations, DateTimeOffset ReceivedAt);
