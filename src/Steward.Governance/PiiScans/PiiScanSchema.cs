using Steward.Governance.Storage;

namespace Steward.Governance.PiiScans;

/// <summary>
/// Tables of this area; part of <see cref="Schema"/>. A scan row exists from the moment an upload is queued;
/// its result (report, digests, verdict, ledger index) is written in the same transaction as its
/// <c>dataset.pii_scanned</c> ledger entry.
/// </summary>
internal static class PiiScanSchema
{
    public static IEnumerable<string> Statements() =>
    [
        """
        CREATE TABLE IF NOT EXISTS pii_scans (
            id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL REFERENCES datasets(id), status TEXT NOT NULL, source TEXT NOT NULL,
            submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL, completed_at TEXT NULL,
            bytes_read BIGINT NOT NULL, bytes_total BIGINT NOT NULL,
            dataset_sha256 TEXT NULL, report_sha256 TEXT NULL, verdict TEXT NULL, rule TEXT NULL, error TEXT NULL,
            report TEXT NULL, ledger_index BIGINT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_pii_scans_dataset ON pii_scans (dataset_id, id)",
    ];
}
