namespace Steward.Governance.Monitors;

/// <summary>
/// Tables of late labels (part of <see cref="MonitorSchema"/>; created at start on existing databases too):
/// <c>drift_label_rows</c> holds each prediction that arrived without its label (state <c>pending</c>) with what
/// performance and fairness need, then a tombstone once it was <c>labelled</c>, <c>expired</c> or <c>dropped</c> (kept
/// until <c>purge_at</c>, one more TTL, so that a late or repeated label is reported as such rather than unknown);
/// <c>drift_label_counts</c> the monitor's running counts; <c>drift_run_revisions</c> each revision of a run's report
/// that late labels produced (the run's own report is never rewritten).
/// </summary>
internal static class LabelSchema
{
    public static IEnumerable<string> Statements() =>
    [
        """
        CREATE TABLE IF NOT EXISTS drift_label_rows (
            monitor_id TEXT NOT NULL REFERENCES drift_monitors(id) ON DELETE CASCADE, row_id TEXT NOT NULL, window_seq BIGINT NOT NULL,
            arrival BIGINT NOT NULL, state TEXT NOT NULL, received_at TEXT NOT NULL, expires_at TEXT NOT NULL, purge_at TEXT NOT NULL,
            prediction TEXT NULL, score DOUBLE PRECISION NULL, groups TEXT NULL, labelled_at TEXT NULL,
            PRIMARY KEY (monitor_id, row_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_drift_label_rows_state ON drift_label_rows (monitor_id, state, arrival)",
        "CREATE INDEX IF NOT EXISTS ix_drift_label_rows_expiry ON drift_label_rows (monitor_id, expires_at)",
        "CREATE INDEX IF NOT EXISTS ix_drift_label_rows_purge ON drift_label_rows (monitor_id, purge_at)",
        """
        CREATE TABLE IF NOT EXISTS drift_label_counts (
            monitor_id TEXT PRIMARY KEY REFERENCES drift_monitors(id) ON DELETE CASCADE, pending BIGINT NOT NULL, matched BIGINT NOT NULL,
            expired BIGINT NOT NULL, dropped BIGINT NOT NULL, duplicate_labels BIGINT NOT NULL, unknown_labels BIGINT NOT NULL, last_label_at TEXT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS drift_run_revisions (
            run_id TEXT NOT NULL REFERENCES drift_runs(id) ON DELETE CASCADE, revision INTEGER NOT NULL, monitor_id TEXT NOT NULL,
            window_seq BIGINT NOT NULL, created_at TEXT NOT NULL, labels_matched BIGINT NOT NULL, report TEXT NOT NULL, report_sha256 TEXT NOT NULL,
            breaches TEXT NOT NULL, ledger_index BIGINT NOT NULL, PRIMARY KEY (run_id, revision))
        """,
    ];
}
