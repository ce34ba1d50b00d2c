using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>
/// Tables of this area; part of <see cref="Schema"/>. Each row keeps its full JSON body (what the API answers)
/// next to the columns that lists filter on; a finding also keeps its gate facts as JSON (<c>facts</c>), so a gate
/// reads small objects and not every finding's description.
/// </summary>
internal static class RedTeamSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) =>
    [
        """
        CREATE TABLE IF NOT EXISTS redteam_exercises (
            id TEXT PRIMARY KEY, system_id TEXT NOT NULL REFERENCES systems(id), status TEXT NOT NULL,
            created_by TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_redteam_exercises_system ON redteam_exercises (system_id, id)",
        """
        CREATE TABLE IF NOT EXISTS redteam_findings (
            id TEXT PRIMARY KEY, system_id TEXT NOT NULL REFERENCES systems(id), exercise_id TEXT NULL REFERENCES redteam_exercises(id),
            severity TEXT NOT NULL, status TEXT NOT NULL, risk_acceptance TEXT NULL REFERENCES decisions(id),
            recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL, facts TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_redteam_findings_system ON redteam_findings (system_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_redteam_findings_exercise ON redteam_findings (exercise_id, id)",
        // The findings gate facts ask, per accepted finding, whether a later decision supersedes the accepting one.
        "CREATE INDEX IF NOT EXISTS ix_decisions_supersedes ON decisions (supersedes)",
    ];
}
