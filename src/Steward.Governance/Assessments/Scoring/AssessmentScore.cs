namespace Steward.Governance.Assessments.Scoring;

/// <summary>What a submitted assessment's answers come to under its template's scoring rules.</summary>
/// <param name="Likelihood">Likelihood points (1..max) and the rules that added them.</param>
/// <param name="Impact">Impact points (1..max) and the rules that added them.</param>
/// <param name="InherentRisk">Likelihood x impact.</param>
/// <param name="Mitigations">The mitigations that hold.</param>
/// <param name="ResidualRisk">Inherent risk less the mitigations' reductions, not below the floor.</param>
/// <param name="RiskTier">EU AI Act tier.</param>
/// <param name="TierReason">Why that tier (the rule that matched, or the default).</param>
/// <param name="RequiredControls">Controls the tier and answers require, each with whether it is in place.</param>
/// <param name="Obligations">Obligations for this system, each with the configured date and whether it applies on <paramref name="AssessedOn"/>.</param>
/// <param name="Outcome">passed, failed or needs_mitigation.</param>
/// <param name="OutcomeReasons">Why the outcome is not passed (empty when passed).</param>
/// <param name="AssessedOn">The date the obligations were evaluated for (the submission date).</param>
public sealed record AssessmentScore(
    ScaleScore Likelihood, ScaleScore Impact, int InherentRisk, IReadOnlyList<AppliedRule> Mitigations, int ResidualRisk,
    string RiskTier, string TierReason, IReadOnlyList<RequiredControl> RequiredControls, IReadOnlyList<ObligationStatus> Obligations,
    string Outcome, IReadOnlyList<string> OutcomeReasons, DateOnly AssessedOn);

/// <summary>Points of one scale and the rules that contributed.</summary>
public sealed record ScaleScore(int Points, IReadOnlyList<AppliedRule> Rules);

/// <summary>A scoring rule that held: its points (added, or reduced for mitigations) and reason.</summary>
public sealed record AppliedRule(string? Id, int Points, string Reason);

/// <summary>A required control and whether the answers show it is in place.</summary>
public sealed record RequiredControl(string Id, string Title, bool Satisfied, IReadOnlyList<string> EuAiAct, IReadOnlyList<string> Nist, IReadOnlyList<string> Iso42001);

/// <summary>An obligation relevant to the system: from when it applies (null when the date is not configured) and whether it applies on the assessment date.</summary>
public sealed record ObligationStatus(string Id, string Title, string DateKey, DateOnly? AppliesFrom, bool AppliesNow);
