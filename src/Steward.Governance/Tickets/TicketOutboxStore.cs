using System.Data.Common;
using System.Globalization;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// The outbox of outside calls. Rows are written with the ticket change they mirror; the delivery worker claims due
/// rows (a lease, so two processes never deliver one row at once), and marks them delivered or failed with the next
/// attempt's time. Only the oldest pending row of a ticket and target is due, so calls arrive in order.
/// </summary>
public sealed class TicketOutboxStore(StewardDatabase db)
{
    private const string Columns = "o.seq, o.ticket_id, t.ticket_key, o.target, o.operation, o.created_at, o.next_attempt_at, o.attempts, " +
        "o.last_attempt_at, o.last_error, o.delivered_at";

    /// <summary>Claims up to <paramref name="limit"/> due rows of the targets until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(IReadOnlyCollection<string> targets, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken = default)
    {
        if (targets.Count == 0) return [];
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<OutboxItem>();
        var names = string.Join(", ", targets.Select((_, i) => $"@t{i}"));
        await using (var command = connection.Command(
            $"SELECT {Columns} FROM ticket_outbox o JOIN tickets t ON t.id = o.ticket_id WHERE o.delivered_at IS NULL AND o.next_attempt_at <= @now " +
            $"AND o.target IN ({names}) AND NOT EXISTS (SELECT 1 FROM ticket_outbox p WHERE p.ticket_id = o.ticket_id AND p.target = o.target " +
            "AND p.delivered_at IS NULL AND p.seq < o.seq) ORDER BY o.next_attempt_at, o.seq LIMIT @limit")
            .With("@now", Timestamps.Format(now)).With("@limit", limit))
        {
            var i = 0;
            foreach (var target in targets) command.With($"@t{i++}", target);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) due.Add(Read(reader));
        }
        var claimed = new List<OutboxItem>();
        foreach (var item in due)
        {
            await using var claim = connection.Command(
                "UPDATE ticket_outbox SET next_attempt_at = @lease WHERE seq = @seq AND delivered_at IS NULL AND next_attempt_at = @was")
                .With("@lease", Timestamps.Format(leaseUntil)).With("@seq", item.Seq).With("@was", Timestamps.Format(item.NextAttemptAt));
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1) claimed.Add(item);
        }
        return claimed;
    }

    /// <summary>Marks a row delivered.</summary>
    public async Task DeliveredAsync(long seq, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await MarkDeliveredAsync(connection, null, seq, at, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task MarkDeliveredAsync(DbConnection connection, DbTransaction? tx, long seq, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = connection.Command("UPDATE ticket_outbox SET delivered_at = @at, last_attempt_at = @at WHERE seq = @seq", tx)
            .With("@at", Timestamps.Format(at)).With("@seq", seq);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt and when to try again.</summary>
    public async Task FailedAsync(long seq, DateTimeOffset at, string error, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE ticket_outbox SET attempts = attempts + 1, last_attempt_at = @at, last_error = @error, next_attempt_at = @next WHERE seq = @seq")
            .With("@at", Timestamps.Format(at)).With("@error", error.Length > 1000 ? error[..1000] : error)
            .With("@next", Timestamps.Format(nextAttempt)).With("@seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pending rows, oldest first, with counts.</summary>
    public async Task<OutboxBacklog> BacklogAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        long pending, failing;
        await using (var count = connection.Command(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) FROM ticket_outbox WHERE delivered_at IS NULL"))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            pending = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            failing = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        var items = await ListAsync(connection, "WHERE o.delivered_at IS NULL ORDER BY o.seq LIMIT @limit", limit, null, cancellationToken).ConfigureAwait(false);
        return new OutboxBacklog(pending, failing, items);
    }

    /// <summary>All outbox rows of one ticket (delivered or not), in order.</summary>
    public async Task<IReadOnlyList<OutboxItem>> OfTicketAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, "WHERE o.ticket_id = @ticket ORDER BY o.seq LIMIT @limit", 1000, ticketId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Jira keys of tickets not yet closed, for polling (oldest first).</summary>
    public async Task<IReadOnlyList<(string TicketId, string JiraKey)>> JiraKeysToPollAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT id, jira_key FROM tickets WHERE jira_key IS NOT NULL AND status IN ('open', 'in_progress') ORDER BY seq LIMIT @limit").With("@limit", limit);
        var keys = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add((reader.GetString(0), reader.GetString(1)));
        return keys;
    }

    private static async Task<IReadOnlyList<OutboxItem>> ListAsync(DbConnection connection, string where, int limit, string? ticketId, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM ticket_outbox o JOIN tickets t ON t.id = o.ticket_id {where}").With("@limit", limit);
        if (ticketId is not null) command.With("@ticket", ticketId);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) items.Add(Read(reader));
        return items;
    }

    private static OutboxItem Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Timestamps.Parse(r.GetString(5)),
        Timestamps.Parse(r.GetString(6)), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        r.StringOrNull(8) is { } last ? Timestamps.Parse(last) : null, r.StringOrNull(9),
        r.StringOrNull(10) is { } done ? Timestamps.Parse(done) : null);
}
