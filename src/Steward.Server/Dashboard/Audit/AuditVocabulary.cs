namespace Steward.Server.Dashboard.Audit;

/// <summary>The ledger's event types and subject kinds, offered in the filters.</summary>
internal static class AuditVocabulary
{
    public static readonly IReadOnlyList<(string Value, string Label)> EventTypes =
    [
        ("decision.recorded", "Decision recorded"),
        ("decision.refused", "Decision refused"),
        ("system.registered", "System registered"),
        ("system.updated", "System updated"),
        ("model.registered", "Model registered"),
        ("dataset.registered", "Dataset registered"),
        ("api_key.created", "API key created"),
        ("api_key.revoked", "API key revoked"),
        ("actor_key.registered", "Signing key registered"),
        ("actor_key.revoked", "Signing key revoked"),
        ("policy.module.put", "Policy module written"),
        ("policy.module.deleted", "Policy module deleted"),
        ("policy.data.put", "Policy data written"),
        ("policy.data.deleted", "Policy data deleted"),
        ("redteam.exercise.created", "Red-team exercise created"),
        ("redteam.exercise.status_changed", "Red-team exercise status changed"),
        ("redteam.finding.recorded", "Red-team finding recorded"),
        ("redteam.finding.status_changed", "Red-team finding status changed"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> SubjectKinds =
    [
        ("system", "AI system"),
        ("model", "Model"),
        ("dataset", "Dataset"),
        ("api_key", "API key"),
        ("actor_key", "Signing key"),
        ("policy", "Policy module"),
        ("policy_data", "Policy data"),
    ];

    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
}
