namespace Steward.Client;

/// <summary>What the answers come to under the template's scoring rules (see docs/ASSESSMENTS.md).</summary>
/// <param name="Likelihood">Likelihood points and the rules that added them.</param>
/// <param name="Impact">Impact points and the rules that added them.</param>
/// <param name="InherentRisk">Likelihood x impact.</param>
/// <param name="Mitigations">Mitigations that hold.</param>
/// <param name="ResidualRisk">After mitigations.</param>
/// <param name="RiskTier">EU AI Act tier.</param>
/// <param name="TierReason">Why that tier.</param>
/// <param name="RequiredControls">Controls required, with whether each is in place.</param>
/// <param name="Obligations">Obligations relevant to the system and whether each applies on <paramref name="AssessedOn"/>.</param>
/// <param name="Outcome">passed, failed or needs_mitigation.</param>
/// <param name="OutcomeReasons">Why the outcome is not passed.</param>
/// <param name="AssessedOn">The assessment date.</param>
public sealed record AssessmentScore(
    ScaleScore Likelihood, ScaleScore Impact, int InherentRisk, IReadOnlyList<AppliedRule> Mitigations, int ResidualRisk,
    string RiskTier, string TierReason, IReadOnlyList<RequiredControl> RequiredControls, IReadOnlyList<ObligationStatus> Obligations,
    string Outcome, IReadOnlyList<string> OutcomeReasons, DateOnly AssessedOn);

/// <summary>Points of a scale and the rules that contributed.</summary>
/// <param name="Points">The points.</param>
/// <param name="Rules">The rules that held.</param>
public sealed record ScaleScore(int Points, IReadOnlyList<AppliedRule> Rules);

/// <summary>A scoring rule that held.</summary>
/// <param name="Id">The mitigation's id (null for likelihood and impact rules).</param>
/// <param name="Points">Points added (or, for a mitigation, taken off).</param>
/// <param name="Reason">The rule's reason.</param>
public sealed record AppliedRule(string? Id, int Points, string Reason);

/// <summary>A control the system needs.</summary>
/// <param name="Id">The control's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Satisfied">Whether the answers show it is in place.</param>
/// <param name="EuAiAct">EU AI Act references.</param>
/// <param name="Nist">NIST AI RMF subcategories.</param>
/// <param name="Iso42001">ISO/IEC 42001 Annex A controls.</param>
public sealed record RequiredControl(string Id, string Title, bool Satisfied, IReadOnlyList<string> EuAiAct, IReadOnlyList<string> Nist, IReadOnlyList<string> Iso42001);

/// <summary>An obligation relevant to the system.</summary>
/// <param name="Id">The obligation's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="DateKey">The configuration key of its date (<c>Assessments:Frameworks:...</c>).</param>
/// <param name="AppliesFrom">The configured date, or null when not configured.</param>
/// <param name="AppliesNow">Whether it applies on the assessment date.</param>
public sealed record ObligationStatus(string Id, string Title, string DateKey, DateOnly? AppliesFrom, bool AppliesNow);
