namespace Steward.Governance.Storage;

/// <summary>The schema, written once for both dialects (byte strings and key storage differ).</summary>
internal static class Schema
{
    public static IEnumerable<string> Statements(StewardDatabase db) => Statements(db.BlobType, db.IndexPrimaryKey, db.WithoutRowId);

    private static IEnumerable<string> Statements(string blob, string indexKey, string withoutRowId) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS ledger_entries (
            idx {indexKey},
            event_id TEXT NOT NULL,
            time TEXT NOT NULL,
            type TEXT NOT NULL,
            subject_kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            leaf {blob} NOT NULL,
            leaf_hash {blob} NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_ledger_subject ON ledger_entries (subject_kind, subject_id, idx)",
        "CREATE INDEX IF NOT EXISTS ix_ledger_type ON ledger_entries (type, idx)",
        "CREATE INDEX IF NOT EXISTS ix_ledger_actor ON ledger_entries (actor_id, idx)",
        $"CREATE TABLE IF NOT EXISTS ledger_nodes (level INTEGER NOT NULL, idx BIGINT NOT NULL, hash {blob} NOT NULL, PRIMARY KEY (level, idx)){withoutRowId}",
        $"CREATE TABLE IF NOT EXISTS ledger_head (id INTEGER PRIMARY KEY, size BIGINT NOT NULL, root {blob} NOT NULL)",
        "CREATE TABLE IF NOT EXISTS ledger_checkpoints (size BIGINT PRIMARY KEY, note TEXT NOT NULL, created_at TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS systems (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, purpose TEXT NOT NULL, owner TEXT NOT NULL,
            business_unit TEXT NOT NULL, risk_tier TEXT NOT NULL, status TEXT NOT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS models (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, system_id TEXT NULL REFERENCES systems(id), owner TEXT NOT NULL,
            description TEXT NOT NULL, framework TEXT NULL, uri TEXT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS datasets (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, system_id TEXT NULL REFERENCES systems(id), owner TEXT NOT NULL,
            description TEXT NOT NULL, uri TEXT NULL, sha256 TEXT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS decisions (
            id TEXT PRIMARY KEY, type TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
            outcome TEXT NOT NULL, supersedes TEXT NULL REFERENCES decisions(id), signature TEXT NULL UNIQUE,
            actor_id TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL, ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_decisions_subject ON decisions (subject_kind, subject_id, id)",
        """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
            roles TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            expires_at TEXT NULL, revoked_at TEXT NULL, actor TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS actor_keys (
            key_id TEXT PRIMARY KEY, actor_id TEXT NOT NULL, alg TEXT NOT NULL, public_key TEXT NOT NULL,
            created_at TEXT NOT NULL, revoked_at TEXT NULL, ledger_index BIGINT NOT NULL)
        """,
    ];
}
