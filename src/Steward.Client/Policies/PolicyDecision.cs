using System.Text.Json.Nodes;

namespace Steward.Client;

/// <summary>A decision-log event (<c>/api/v1/policy-decisions</c>).</summary>
/// <param name="Seq">Position in the log; newest is highest.</param>
/// <param name="DecisionId">OPA's decision id.</param>
/// <param name="Path">The evaluated path.</param>
/// <param name="Input">The input.</param>
/// <param name="Result">The result (absent when undefined or failed).</param>
/// <param name="Timestamp">When the decision was made.</param>
/// <param name="Labels">OPA's labels.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="Metrics">OPA's metrics.</param>
/// <param name="Endpoint">The endpoint the decision was about.</param>
/// <param name="Allowed">Whether it allowed; absent when undefined or failed.</param>
/// <param name="DenyReasons">The deny reasons.</param>
/// <param name="Source">server, opa-upload or sidecar.</param>
/// <param name="Error">The evaluation error, if any.</param>
/// <param name="ConsecutiveViolations">Denials of the endpoint in a row, up to this one.</param>
/// <param name="ReceivedAt">When Steward stored it.</param>
public sealed record PolicyDecision(
    long Seq, string DecisionId, string Path, JsonNode? Input, JsonNode? Result, DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Labels, string? RequestedBy, JsonNode? Metrics, string Endpoint, bool? Allowed,
    IReadOnlyList<string> DenyReasons, string Source, string? Error, long ConsecutiveViolations, DateTimeOffset ReceivedAt);
