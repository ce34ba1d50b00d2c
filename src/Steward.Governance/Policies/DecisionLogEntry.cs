using System.Text.Json.Nodes;

namespace Steward.Governance.Policies;

/// <summary>A decision-log event in OPA's format, as received or produced, before it is stored.</summary>
/// <param name="DecisionId">OPA's <c>decision_id</c>.</param>
/// <param name="Path">The evaluated path (<c>ai_policy/allow</c>), or the query when there was no path.</param>
/// <param name="Input">The input document, or null.</param>
/// <param name="Result">The result, or null when undefined or failed.</param>
/// <param name="Timestamp">When the decision was made.</param>
/// <param name="Labels">OPA's labels (string values).</param>
/// <param name="RequestedBy">Who asked (for our own evaluations: the actor).</param>
/// <param name="Metrics">OPA's metrics object, or null.</param>
/// <param name="Source">One of <see cref="DecisionSource.All"/>.</param>
/// <param name="Error">The evaluation error (code and message), or null.</param>
/// <param name="Reported">The outcome the decision point itself reported (a Steward sidecar's <c>steward</c> member), used
/// instead of deriving one from the result; null to derive.</param>
public sealed record DecisionLogEntry(
    string DecisionId, string Path, JsonNode? Input, JsonNode? Result, DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Labels, string? RequestedBy, JsonObject? Metrics, string Source, string? Error,
    DecisionOutcome? Reported = null);
