using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>The answer of a <see cref="IPolicyDecisionPoint"/>.</summary>
/// <param name="DecisionId">A new UUIDv7 per decision.</param>
/// <param name="Path">The policy decided.</param>
/// <param name="Allowed">Whether the input is allowed; false whenever <paramref name="Error"/> is set.</param>
/// <param name="Deny">The violated rules' messages (the policy's <c>deny</c> set), or the failure when the decision failed.</param>
/// <param name="Result">The document the policy produced, or null when it was undefined or the decision failed.</param>
/// <param name="Duration">How long the decision took.</param>
/// <param name="Error">Why no decision could be made, or null.</param>
public sealed record PolicyDecision(
    string DecisionId,
    PolicyPath Path,
    bool Allowed,
    IReadOnlyList<string> Deny,
    Value? Result,
    TimeSpan Duration,
    PolicyDecisionError? Error);
