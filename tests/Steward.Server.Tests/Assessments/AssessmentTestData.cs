using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Assessments;

/// <summary>Answers for the shipped template.</summary>
public static class AssessmentTestData
{
    /// <summary>A complete, low-risk answer set (minimal tier, passes).</summary>
    public static JsonObject LowRisk() => JsonNode.Parse("""
        {
          "art5_manipulation": false, "art5_vulnerabilities": false, "art5_social_scoring": false,
          "art5_emotion_workplace": false, "art5_biometric_categorisation": false, "annex1_safety_component": false,
          "annex3_area": "none", "interacts_with_people": false, "generates_synthetic_content": false,
          "uses_personal_data": false, "sector_law": "none", "technical_documentation": true, "record_keeping_logs": true,
          "transparency_instructions": true, "affected_groups": "internal analysts", "affected_people": 40, "vulnerable_groups": false,
          "bias_testing": "none", "explainability": "global", "contestability": true, "decision_autonomy": "advisory",
          "failure_impact": "minor", "risk_management_process": true, "fallback_procedure": true, "stop_mechanism": true,
          "oversight_training": true, "accuracy_declared": true, "monitoring_in_place": false, "incident_reporting": true,
          "model_kind": "classical_ml", "adversarial_testing": "planned", "data_provenance": true, "poisoning_controls": true,
          "public_model_access": false, "third_party_components": false
        }
        """)!.AsObject();
}
