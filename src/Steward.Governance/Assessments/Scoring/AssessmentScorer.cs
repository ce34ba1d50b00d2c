using System.Text.Json.Nodes;
using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Assessments.Scoring;

/// <summary>Applies a template's scoring rules to the visible answers. Pure: same answers, same date, same score.</summary>
public static class AssessmentScorer
{
    /// <summary>Scores <paramref name="answers"/> (visible answers only; see <see cref="Visibility"/>).</summary>
    public static AssessmentScore Score(AssessmentTemplate template, IReadOnlyDictionary<string, JsonNode> answers, DateOnly assessedOn, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(options);
        var scoring = template.Scoring;
        var context = new ConditionContext(answers);
        var likelihood = Scale(scoring.Likelihood, context);
        var impact = Scale(scoring.Impact, context);
        var inherent = likelihood.Points * impact.Points;
        var mitigations = scoring.Mitigations.Where(m => m.When.Holds(context)).Select(m => new AppliedRule(m.Id, m.Reduce, m.Reason)).ToList();
        var residual = Math.Max(Math.Min(scoring.ResidualFloor, inherent), inherent - mitigations.Sum(m => m.Points));

        var tierRule = scoring.Tiers.FirstOrDefault(t => t.When.Holds(context));
        var tier = tierRule?.Tier ?? scoring.DefaultTier;
        var tierReason = tierRule?.Reason ?? "No screening rule matched: the default tier";
        var withTier = context with { Tier = tier };
        var controls = scoring.Controls.Where(c => c.RequiredWhen.Holds(withTier))
            .Select(c => new RequiredControl(c.Id, c.Title, c.SatisfiedWhen?.Holds(withTier) ?? false, c.Maps.EuAiAct, c.Maps.Nist, c.Maps.Iso42001))
            .ToList();
        var obligations = scoring.Obligations.Where(o => o.AppliesWhen.Holds(withTier)).Select(o =>
        {
            var from = options.DateOf(o.DateKey);
            return new ObligationStatus(o.Id, o.Title, o.DateKey, from, from is { } d && d <= assessedOn);
        }).ToList();

        var t = scoring.Thresholds;
        var reasons = new List<string>();
        string outcome;
        if (t.FailedTiers.Contains(tier)) reasons.Add($"the EU AI Act tier is {tier}: {tierReason}");
        if (residual >= t.FailedResidualAtLeast) reasons.Add($"residual risk {residual} is at or above the failing level {t.FailedResidualAtLeast}");
        if (reasons.Count > 0) outcome = "failed";
        else
        {
            if (residual >= t.MitigationResidualAtLeast) reasons.Add($"residual risk {residual} is at or above {t.MitigationResidualAtLeast}");
            if (t.UnsatisfiedControlsNeedMitigation)
                reasons.AddRange(controls.Where(c => !c.Satisfied).Select(c => $"required control not in place: {c.Title}"));
            outcome = reasons.Count > 0 ? "needs_mitigation" : "passed";
        }
        return new AssessmentScore(likelihood, impact, inherent, mitigations, residual, tier, tierReason, controls, obligations, outcome, reasons, assessedOn);
    }

    private static ScaleScore Scale(PointScale scale, ConditionContext context)
    {
        var applied = scale.Rules.Where(r => r.When.Holds(context)).Select(r => new AppliedRule(null, r.Add, r.Reason)).ToList();
        return new ScaleScore(Math.Clamp(scale.Base + applied.Sum(r => r.Points), 1, scale.Max), applied);
    }
}
