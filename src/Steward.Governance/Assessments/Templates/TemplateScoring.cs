namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// The template's scoring: inherent risk = likelihood x impact (each a base plus points from rules, clamped to
/// 1..max); residual = inherent minus the reductions of the mitigations that hold (not below
/// <see cref="ResidualFloor"/>); the EU AI Act tier = the first tier rule that holds, else <see cref="DefaultTier"/>;
/// required controls and applicable obligations from the tier and answers; the outcome from <see cref="Thresholds"/>.
/// </summary>
public sealed record TemplateScoring(
    PointScale Likelihood, PointScale Impact, IReadOnlyList<Mitigation> Mitigations, int ResidualFloor,
    IReadOnlyList<TierRule> Tiers, string DefaultTier, IReadOnlyList<ControlRule> Controls,
    IReadOnlyList<ObligationRule> Obligations, OutcomeThresholds Thresholds);

/// <summary>A base value plus the points of every rule that holds, clamped to 1..<see cref="Max"/>.</summary>
public sealed record PointScale(int Base, int Max, IReadOnlyList<PointRule> Rules);

/// <summary>Adds <see cref="Add"/> points when <see cref="When"/> holds.</summary>
public sealed record PointRule(Condition When, int Add, string Reason);

/// <summary>Reduces the residual risk by <see cref="Reduce"/> when <see cref="When"/> holds.</summary>
public sealed record Mitigation(string Id, Condition When, int Reduce, string Reason);

/// <summary>The tier applies when <see cref="When"/> holds (first match wins, in template order).</summary>
public sealed record TierRule(string Tier, Condition When, string Reason);

/// <summary>A control that is required when <see cref="RequiredWhen"/> holds and counts as in place when <see cref="SatisfiedWhen"/> holds.</summary>
public sealed record ControlRule(string Id, string Title, Condition RequiredWhen, Condition? SatisfiedWhen, FrameworkMappings Maps);

/// <summary>
/// A legal obligation that applies to the assessed system when <see cref="AppliesWhen"/> holds, from the date
/// configured under <c>Assessments:Frameworks:&lt;DateKey&gt;</c> (e.g. <c>EuAiAct:HighRisk</c>).
/// </summary>
public sealed record ObligationRule(string Id, string Title, string DateKey, Condition AppliesWhen, FrameworkMappings Maps);

/// <summary>How the outcome is decided.</summary>
/// <param name="FailedTiers">Tiers that fail outright (e.g. <c>unacceptable</c>).</param>
/// <param name="FailedResidualAtLeast">Residual risk at or above this fails.</param>
/// <param name="MitigationResidualAtLeast">Residual risk at or above this (and below the failing level) needs mitigation.</param>
/// <param name="UnsatisfiedControlsNeedMitigation">A required control not in place makes a passing outcome need mitigation.</param>
public sealed record OutcomeThresholds(IReadOnlyList<string> FailedTiers, int FailedResidualAtLeast, int MitigationResidualAtLeast, bool UnsatisfiedControlsNeedMitigation);

/// <summary>The EU AI Act tiers and assessment outcomes.</summary>
public static class RiskVocabulary
{
    /// <summary>EU AI Act tiers, most severe first.</summary>
    public static readonly string[] Tiers = ["unacceptable", "high", "limited", "minimal"];

    /// <summary>Assessment outcomes.</summary>
    public static readonly string[] Outcomes = ["passed", "failed", "needs_mitigation"];
}
