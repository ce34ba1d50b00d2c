using Steward.Governance.Storage;

namespace Steward.Governance.Assessments;

/// <summary>
/// Tables of this area; part of <see cref="Schema"/>. Template versions keep their YAML text and digest; an
/// assessment row carries its state and score (the gate facts read only it, by system); answers are one row per
/// question, replaced when answered again.
/// </summary>
internal static class AssessmentSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) =>
    [
        """
        CREATE TABLE IF NOT EXISTS assessment_templates (
            id TEXT NOT NULL, version BIGINT NOT NULL, title TEXT NOT NULL, yaml TEXT NOT NULL, sha256 TEXT NOT NULL,
            source TEXT NOT NULL, status TEXT NOT NULL, published_by TEXT NOT NULL, published_at TEXT NOT NULL,
            retired_by TEXT NULL, retired_at TEXT NULL, retire_reason TEXT NULL, ledger_index BIGINT NOT NULL,
            PRIMARY KEY (id, version))
        """,
        """
        CREATE TABLE IF NOT EXISTS assessments (
            id TEXT PRIMARY KEY, system_id TEXT NOT NULL REFERENCES systems(id), template_id TEXT NOT NULL,
            template_version BIGINT NOT NULL, status TEXT NOT NULL, outcome TEXT NULL, inherent_risk BIGINT NULL,
            residual_risk BIGINT NULL, risk_tier TEXT NULL, required_controls TEXT NULL, score TEXT NULL,
            started_by TEXT NOT NULL, started_at TEXT NOT NULL, submitted_by TEXT NULL, submitted_at TEXT NULL,
            answers_sha256 TEXT NULL, decision TEXT NULL, decided_by TEXT NULL, decided_at TEXT NULL, decision_comment TEXT NULL,
            invalidated_by TEXT NULL, invalidated_at TEXT NULL, invalidation_reason TEXT NULL,
            updated_at TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_assessments_system ON assessments (system_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_assessments_status ON assessments (status, id)",
        """
        CREATE TABLE IF NOT EXISTS assessment_answers (
            assessment_id TEXT NOT NULL REFERENCES assessments(id), question_id TEXT NOT NULL, value TEXT NOT NULL,
            answered_by TEXT NOT NULL, answered_at TEXT NOT NULL, ledger_index BIGINT NOT NULL,
            PRIMARY KEY (assessment_id, question_id))
        """,
    ];
}
