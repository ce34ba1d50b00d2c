namespace Steward.Client;

/// <summary>A risk assessment of a system: draft, submitted, approved, rejected or invalidated.</summary>
/// <param name="Id">The assessment's id.</param>
/// <param name="SystemId">The assessed system.</param>
/// <param name="TemplateId">The template.</param>
/// <param name="TemplateVersion">The template version answered.</param>
/// <param name="Status">draft, submitted, approved, rejected or invalidated.</param>
/// <param name="Outcome">passed, failed or needs_mitigation once submitted.</param>
/// <param name="InherentRisk">Likelihood x impact once submitted.</param>
/// <param name="ResidualRisk">After mitigations, once submitted.</param>
/// <param name="RiskTier">EU AI Act tier once submitted.</param>
/// <param name="RequiredControls">Ids of the required controls once submitted.</param>
/// <param name="Score">The full score once submitted.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="StartedAt">When.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="AnswersSha256">SHA-256 of the canonical JSON of the answers that counted at submission.</param>
/// <param name="Decision">approved or rejected, once decided.</param>
/// <param name="DecidedBy">The approver.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DecisionComment">The approver's comment.</param>
/// <param name="InvalidatedBy">Who invalidated it (<c>steward</c> for a material change of the system).</param>
/// <param name="InvalidatedAt">When.</param>
/// <param name="InvalidationReason">Why.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="LedgerIndex">The ledger entry of the last step.</param>
public sealed record Assessment(
    string Id, string SystemId, string TemplateId, long TemplateVersion, string Status, string? Outcome,
    int? InherentRisk, int? ResidualRisk, string? RiskTier, IReadOnlyList<string>? RequiredControls, AssessmentScore? Score,
    string StartedBy, DateTimeOffset StartedAt, string? SubmittedBy, DateTimeOffset? SubmittedAt, string? AnswersSha256,
    string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment,
    string? InvalidatedBy, DateTimeOffset? InvalidatedAt, string? InvalidationReason, DateTimeOffset UpdatedAt, long LedgerIndex);
