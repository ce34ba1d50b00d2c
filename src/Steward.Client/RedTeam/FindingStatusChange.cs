namespace Steward.Client;

/// <summary>Changes a finding's status: <c>POST /api/v1/redteam/findings/{id}/status</c>.</summary>
/// <param name="Status">open, mitigated or risk_accepted.</param>
/// <param name="Note">Why (required).</param>
/// <param name="RiskAcceptanceDecision">For risk_accepted: the id of an approved, current risk_acceptance decision on the same system.</param>
public sealed record FindingStatusChange(string Status, string Note, string? RiskAcceptanceDecision = null);
