using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Recording;

/// <summary>One recorded decision, written as an OPA decision-log event plus a <c>steward</c> object.</summary>
internal sealed record DecisionLogEvent(
    string Source,
    string Endpoint,
    string Phase,
    PolicyDecision Decision,
    Value Input,
    DateTimeOffset Timestamp,
    long ConsecutiveViolations);
