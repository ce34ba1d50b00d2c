using System.Data.Common;
using System.Globalization;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// The SQL of tickets, shared by the store and the lifecycle hooks. Writers call it inside the ledger sequencer's
/// transaction (the writer lock), so the next key and status checks are race-free.
/// </summary>
internal static class TicketRows
{
    public const string Prefix = "STW-";

    private const string Columns = "id, ticket_key, system_id, kind, title, description, status, blocking, assignee, resolution, " +
        "jira_key, jira_status, servicenow_sys_id, servicenow_number, created_at, created_by, updated_at, updated_by, ledger_index";

    public static string Select(string where) => $"SELECT {Columns}, seq FROM tickets {where}";

    public static async Task<long> NextSeqAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT COALESCE(MAX(seq), 0) + 1 FROM tickets", tx);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public static string KeyOf(long seq) => Prefix + seq.ToString(CultureInfo.InvariantCulture);

    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, Ticket t, long seq, CancellationToken ct)
    {
        await using var insert = connection.Command(
            $"INSERT INTO tickets ({Columns}, seq) VALUES (@id, @key, @sys, @kind, @title, @desc, @status, @blocking, @assignee, NULL, " +
            "NULL, NULL, NULL, NULL, @at, @by, @at, @by, @idx, @seq)", tx)
            .With("@id", t.Id).With("@key", t.Key).With("@sys", t.SystemId).With("@kind", t.Kind).With("@title", t.Title)
            .With("@desc", t.Description).With("@status", t.Status).With("@blocking", t.Blocking ? 1 : 0).With("@assignee", t.Assignee)
            .With("@at", Timestamps.Format(t.CreatedAt)).With("@by", t.CreatedBy).With("@idx", t.LedgerIndex).With("@seq", seq);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<Ticket?> FindAsync(DbConnection connection, DbTransaction? tx, string idOrKey, CancellationToken ct)
    {
        await using var command = connection.Command(Select("WHERE id = @id OR ticket_key = @id"), tx).With("@id", idOrKey);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Sets status and resolution if the status is still <paramref name="expected"/>; false when it moved.</summary>
    public static async Task<bool> SetStatusAsync(DbConnection connection, DbTransaction tx, string id, string expected, string status,
        string? resolution, DateTimeOffset at, string by, long idx, CancellationToken ct)
    {
        await using var update = connection.Command(
            "UPDATE tickets SET status = @status, resolution = @res, updated_at = @at, updated_by = @by, ledger_index = @idx " +
            "WHERE id = @id AND status = @expected", tx)
            .With("@status", status).With("@res", resolution).With("@at", Timestamps.Format(at)).With("@by", by).With("@idx", idx)
            .With("@id", id).With("@expected", expected);
        return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public static async Task HistoryAsync(DbConnection connection, DbTransaction tx, string ticketId, DateTimeOffset at, string actor,
        string action, string? from, string? to, string? note, long idx, CancellationToken ct)
    {
        await using var insert = connection.Command(
            "INSERT INTO ticket_history (ticket_id, at, actor_id, action, from_status, to_status, note, ledger_index) " +
            "VALUES (@t, @at, @actor, @action, @from, @to, @note, @idx)", tx)
            .With("@t", ticketId).With("@at", Timestamps.Format(at)).With("@actor", actor).With("@action", action)
            .With("@from", from).With("@to", to).With("@note", note).With("@idx", idx);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Queues one outside call per target, in the caller's transaction.</summary>
    public static async Task EnqueueAsync(DbConnection connection, DbTransaction tx, string ticketId, IEnumerable<string> targets,
        string operation, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var target in targets)
        {
            if (operation != TicketOperations.Create)
            {
                // A tracker configured after the ticket was opened has no issue for it yet: create it first.
                await using var created = connection.Command(
                    "SELECT COUNT(*) FROM ticket_outbox WHERE ticket_id = @t AND target = @target AND operation = @create", tx)
                    .With("@t", ticketId).With("@target", target).With("@create", TicketOperations.Create);
                if (!await created.ExistsAsync(ct).ConfigureAwait(false))
                    await EnqueueAsync(connection, tx, ticketId, [target], TicketOperations.Create, at, ct).ConfigureAwait(false);
            }
            await using var insert = connection.Command(
                "INSERT INTO ticket_outbox (ticket_id, target, operation, created_at, next_attempt_at, attempts) VALUES (@t, @target, @op, @at, @at, 0)", tx)
                .With("@t", ticketId).With("@target", target).With("@op", operation).With("@at", Timestamps.Format(at));
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static Ticket Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) != 0, r.StringOrNull(8), r.StringOrNull(9),
        new TicketExternal(r.StringOrNull(10), r.StringOrNull(11), r.StringOrNull(12), r.StringOrNull(13)),
        Timestamps.Parse(r.GetString(14)), r.GetString(15), Timestamps.Parse(r.GetString(16)), r.GetString(17), r.GetInt64(18));
}
