using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// Tables of drift monitors; part of <see cref="Schema"/>. A monitor's definition is one JSON document; its
/// reference profile and the profile of each window are stored as the profile's JSON bytes. A window is open until
/// a run closes it; a run row and its window's closing commit together (and with the <c>drift.detected</c> entry
/// when the run found drift). <c>UNIQUE (monitor_id, window_seq)</c> makes a window's run happen once, whichever
/// process or trigger gets there first. A window's <c>quality</c> is the JSON state of its performance and fairness
/// accumulators (labelled rows), folded in the same transaction as its profile.
/// </summary>
internal static class MonitorSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS drift_monitors (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, model_id TEXT NULL REFERENCES models(id), endpoint TEXT NULL,
            definition TEXT NOT NULL, reference_profile {db.BlobType} NULL, reference_sha256 TEXT NULL, reference_rows BIGINT NULL,
            reference_columns TEXT NULL, reference_at TEXT NULL, reference_by TEXT NULL,
            window_seq BIGINT NOT NULL, next_run_at TEXT NOT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS drift_windows (
            monitor_id TEXT NOT NULL REFERENCES drift_monitors(id) ON DELETE CASCADE, seq BIGINT NOT NULL, status TEXT NOT NULL,
            opened_at TEXT NOT NULL, closed_at TEXT NULL, rows_seen BIGINT NOT NULL, batches BIGINT NOT NULL, profile {db.BlobType} NULL,
            quality TEXT NULL, PRIMARY KEY (monitor_id, seq))
        """,
        """
        CREATE TABLE IF NOT EXISTS drift_runs (
            id TEXT PRIMARY KEY, monitor_id TEXT NOT NULL REFERENCES drift_monitors(id) ON DELETE CASCADE, window_seq BIGINT NOT NULL,
            trigger_kind TEXT NOT NULL, status TEXT NOT NULL, run_at TEXT NOT NULL, window_opened_at TEXT NOT NULL, rows_seen BIGINT NOT NULL,
            share_drifted DOUBLE PRECISION NULL, drifted_columns INTEGER NULL, number_of_columns INTEGER NULL, top_columns TEXT NOT NULL,
            report TEXT NOT NULL, report_sha256 TEXT NOT NULL, run_by TEXT NOT NULL, ledger_index BIGINT NULL,
            UNIQUE (monitor_id, window_seq))
        """,
        "CREATE INDEX IF NOT EXISTS ix_drift_runs_monitor ON drift_runs (monitor_id, run_at)",
        .. LabelSchema.Statements(),
    ];
}
