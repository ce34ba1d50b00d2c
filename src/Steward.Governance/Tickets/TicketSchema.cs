using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// Tables of this area; part of <see cref="Schema"/>. <c>tickets</c> holds each ticket's current state,
/// <c>ticket_history</c> every change and note (with the ledger entry that made it), <c>ticket_outbox</c> the calls
/// to Jira and ServiceNow still to make (written in the same transaction as the change they mirror).
/// </summary>
internal static class TicketSchema
{
    public static IEnumerable<string> Statements(StewardDatabase db) =>
    [
        """
        CREATE TABLE IF NOT EXISTS tickets (
            id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, ticket_key TEXT NOT NULL UNIQUE,
            system_id TEXT NOT NULL REFERENCES systems(id), kind TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
            status TEXT NOT NULL, blocking INTEGER NOT NULL, assignee TEXT NULL, resolution TEXT NULL,
            jira_key TEXT NULL, jira_status TEXT NULL, servicenow_sys_id TEXT NULL, servicenow_number TEXT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
            ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_tickets_system ON tickets (system_id, seq)",
        "CREATE INDEX IF NOT EXISTS ix_tickets_jira ON tickets (jira_key)",
        $"""
        CREATE TABLE IF NOT EXISTS ticket_history (
            seq {Schema.SerialKey(db)}, ticket_id TEXT NOT NULL REFERENCES tickets(id), at TEXT NOT NULL, actor_id TEXT NOT NULL,
            action TEXT NOT NULL, from_status TEXT NULL, to_status TEXT NULL, note TEXT NULL, ledger_index BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_ticket_history_ticket ON ticket_history (ticket_id, seq)",
        $"""
        CREATE TABLE IF NOT EXISTS ticket_outbox (
            seq {Schema.SerialKey(db)}, ticket_id TEXT NOT NULL REFERENCES tickets(id), target TEXT NOT NULL, operation TEXT NOT NULL,
            created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL, attempts INTEGER NOT NULL, last_attempt_at TEXT NULL,
            last_error TEXT NULL, delivered_at TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_ticket_outbox_pending ON ticket_outbox (delivered_at, next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS ix_ticket_outbox_ticket ON ticket_outbox (ticket_id, target, seq)",
    ];
}
