using Steward.Governance.Assessments.Scoring;

namespace Steward.Governance.Assessments;

/// <summary>
/// One risk assessment of a system: draft → submitted → approved or rejected; a submitted or approved assessment
/// can be invalidated (explicitly, or by a material change of the system).
/// </summary>
public sealed record Assessment(
    string Id, string SystemId, string TemplateId, long TemplateVersion, string Status, string? Outcome,
    int? InherentRisk, int? ResidualRisk, string? RiskTier, IReadOnlyList<string>? RequiredControls, AssessmentScore? Score,
    string StartedBy, DateTimeOffset StartedAt, string? SubmittedBy, DateTimeOffset? SubmittedAt, string? AnswersSha256,
    string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment,
    string? InvalidatedBy, DateTimeOffset? InvalidatedAt, string? InvalidationReason, DateTimeOffset UpdatedAt, long LedgerIndex)
{
    /// <summary>Being answered.</summary>
    public const string Draft = "draft";
    /// <summary>Answered and scored; waiting for an approver.</summary>
    public const string Submitted = "submitted";
    /// <summary>Approved by an approver other than the submitter.</summary>
    public const string Approved = "approved";
    /// <summary>Rejected by an approver; start a new assessment.</summary>
    public const string Rejected = "rejected";
    /// <summary>No longer current (explicitly, or after a material change of the system).</summary>
    public const string Invalidated = "invalidated";

    /// <summary>All statuses.</summary>
    public static readonly string[] Statuses = [Draft, Submitted, Approved, Rejected, Invalidated];
}
