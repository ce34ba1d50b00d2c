using System.Text.Json.Nodes;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Scoring;
using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Tests.Assessments;

public sealed class ScoringTests
{
    private static readonly AssessmentTemplate Shipped = TemplateSources.Load(null)[0].Template;

    /// <summary>A complete low-risk answer set for the shipped template.</summary>
    public static Dictionary<string, JsonNode> LowRisk() => new()
    {
        ["art5_manipulation"] = false, ["art5_vulnerabilities"] = false, ["art5_social_scoring"] = false,
        ["art5_emotion_workplace"] = false, ["art5_biometric_categorisation"] = false, ["annex1_safety_component"] = false,
        ["annex3_area"] = "none", ["interacts_with_people"] = false, ["generates_synthetic_content"] = false,
        ["uses_personal_data"] = false, ["sector_law"] = "none", ["technical_documentation"] = true, ["record_keeping_logs"] = true,
        ["transparency_instructions"] = true, ["affected_groups"] = "internal analysts", ["affected_people"] = 40, ["vulnerable_groups"] = false,
        ["bias_testing"] = "none", ["explainability"] = "global", ["contestability"] = true, ["decision_autonomy"] = "advisory",
        ["failure_impact"] = "minor", ["risk_management_process"] = true, ["fallback_procedure"] = true, ["stop_mechanism"] = true,
        ["oversight_training"] = true, ["accuracy_declared"] = true, ["monitoring_in_place"] = false, ["incident_reporting"] = true,
        ["model_kind"] = "classical_ml", ["adversarial_testing"] = "planned", ["data_provenance"] = true, ["poisoning_controls"] = true,
        ["public_model_access"] = false, ["third_party_components"] = false,
    };

    [Fact]
    public void LowRisk_IsMinimalAndPasses()
    {
        Assert.Empty(Visibility.Missing(Shipped, LowRisk()));
        var score = AssessmentScorer.Score(Shipped, LowRisk(), new DateOnly(2026, 12, 2), new AssessmentOptions());
        Assert.Equal(("minimal", "passed", 1), (score.RiskTier, score.Outcome, score.InherentRisk));
        Assert.Empty(score.RequiredControls);
        Assert.Contains(score.Obligations, o => o.Id == "eu_ai_act_ai_literacy" && o.AppliesNow);
    }

    [Fact]
    public void CreditScoring_IsHighRisk_NeedsMitigation_AndObligationsFollowTheConfiguredDate()
    {
        var answers = LowRisk();
        answers["annex3_area"] = "essential_services";
        answers["annex3_profiling"] = true;
        answers["uses_personal_data"] = true;
        answers["lawful_basis"] = "contract";
        answers["special_category_data"] = false;
        answers["automated_decisions_legal_effect"] = true;
        answers["dpia_status"] = "in_progress";
        answers["data_subject_rights"] = true;
        answers["fria_done"] = false;
        answers["affected_people"] = 250_000;
        answers["decision_autonomy"] = "fully_automated";
        answers["failure_impact"] = "severe";
        var counted = Visibility.Resolve(Shipped, answers).Answers;
        Assert.Equal(["oversight_training"], answers.Keys.Where(k => !counted.ContainsKey(k)));

        var before = AssessmentScorer.Score(Shipped, counted, new DateOnly(2026, 3, 1), new AssessmentOptions());
        Assert.Equal("high", before.RiskTier);
        Assert.Equal(3 * 5, before.InherentRisk); // likelihood 1 + 10k + fully automated; impact 1 + severe 2 + legal effect + Annex III
        Assert.Contains(before.RequiredControls, c => c.Id == "fundamental_rights_impact_assessment" && !c.Satisfied);
        Assert.Contains(before.RequiredControls, c => c.Id == "human_oversight" && !c.Satisfied);
        Assert.Equal("needs_mitigation", before.Outcome);
        Assert.Contains(before.Obligations, o => o.Id == "eu_ai_act_high_risk_annex_iii" && o.AppliesFrom == new DateOnly(2026, 8, 2) && !o.AppliesNow);

        var after = AssessmentScorer.Score(Shipped, answers, new DateOnly(2026, 8, 2), new AssessmentOptions());
        Assert.Contains(after.Obligations, o => o.Id == "eu_ai_act_high_risk_annex_iii" && o.AppliesNow);

        var moved = new AssessmentOptions();
        moved.Frameworks["EuAiAct"]["HighRisk"] = new DateOnly(2027, 12, 2);
        var delayed = AssessmentScorer.Score(Shipped, answers, new DateOnly(2026, 12, 2), moved);
        Assert.Contains(delayed.Obligations, o => o.Id == "eu_ai_act_high_risk_annex_iii" && !o.AppliesNow && o.AppliesFrom == new DateOnly(2027, 12, 2));
    }

    [Fact]
    public void ProhibitedPractice_Fails()
    {
        var answers = LowRisk();
        answers["art5_social_scoring"] = true;
        var score = AssessmentScorer.Score(Shipped, answers, new DateOnly(2026, 12, 2), new AssessmentOptions());
        Assert.Equal(("unacceptable", "failed"), (score.RiskTier, score.Outcome));
        Assert.Contains(score.OutcomeReasons, r => r.Contains("unacceptable", StringComparison.Ordinal));
    }

    [Fact]
    public void NarrowTaskDerogation_WithoutProfiling_IsNotHighRisk()
    {
        var answers = LowRisk();
        answers["annex3_area"] = "employment";
        answers["annex3_profiling"] = false;
        answers["annex3_narrow_task"] = true;
        answers["fria_done"] = false;
        var score = AssessmentScorer.Score(Shipped, Visibility.Resolve(Shipped, answers).Answers, new DateOnly(2026, 12, 2), new AssessmentOptions());
        Assert.Equal("minimal", score.RiskTier);

        answers["annex3_profiling"] = true; // profiling: the derogation question is hidden and its answer no longer counts
        var counted = Visibility.Resolve(Shipped, answers).Answers;
        Assert.False(counted.ContainsKey("annex3_narrow_task"));
        Assert.Equal("high", AssessmentScorer.Score(Shipped, counted, new DateOnly(2026, 12, 2), new AssessmentOptions()).RiskTier);
    }

    [Fact]
    public void Mitigations_ReduceResidualRisk_NotBelowTheFloor()
    {
        var answers = LowRisk();
        answers["failure_impact"] = "critical";
        answers["affected_people"] = 2_000_000;
        answers["decision_autonomy"] = "fully_automated";
        answers["fallback_procedure"] = false;
        answers["stop_mechanism"] = false;
        var counted = Visibility.Resolve(Shipped, answers).Answers;
        var score = AssessmentScorer.Score(Shipped, counted, new DateOnly(2026, 12, 2), new AssessmentOptions());
        Assert.Equal(4 * 4, score.InherentRisk);
        Assert.Equal(16, score.ResidualRisk);
        Assert.Equal("failed", score.Outcome);

        answers["decision_autonomy"] = "human_in_the_loop";
        answers["fallback_procedure"] = true;
        answers["monitoring_in_place"] = true;
        var mitigated = AssessmentScorer.Score(Shipped, Visibility.Resolve(Shipped, answers).Answers, new DateOnly(2026, 12, 2), new AssessmentOptions());
        Assert.Equal(3 * 4, mitigated.InherentRisk);
        Assert.Equal(12 - 3 - 2 - 2, mitigated.ResidualRisk);
        Assert.Equal(["human_control", "fallback", "monitoring"], mitigated.Mitigations.Select(m => m.Id));
    }
}
