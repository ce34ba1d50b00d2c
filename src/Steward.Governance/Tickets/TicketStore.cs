using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// The built-in tracker: every ticket change is a ledger entry (<c>ticket.opened</c>, <c>ticket.status_changed</c>,
/// <c>ticket.closed</c>, <c>ticket.reopened</c>, <c>ticket.mirrored</c>, <c>ticket.external_status</c>) committed with its
/// row, its history line and its outbox rows. Closing or cancelling a blocking intake ticket by hand is an admin's
/// override with a recorded reason; otherwise only an approved assessment closes it.
/// </summary>
public sealed partial class TicketStore(StewardDatabase db, LedgerStore ledger, EventFactory events, TicketMirrorTargets mirror)
{
    /// <summary>Opens a ticket by hand (<c>ticket.opened</c>).</summary>
    public async Task<Ticket> OpenAsync(Actor actor, TicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var systemId = check.Required("system_id", request.SystemId);
        var title = check.Required("title", request.Title);
        var description = check.Text("description", request.Description, 8000) ?? "";
        var kind = request.Kind ?? "task";
        if (!KindPattern().IsMatch(kind)) check.Fail("kind", "must be lower snake case (a-z, 0-9, _), at most 40 characters");
        var assignee = check.Text("assignee", request.Assignee);
        if (assignee is "") assignee = null;
        check.ThrowIfFailed();

        for (var attempt = 0; ; attempt++)
        {
            long seq;
            await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
                seq = await TicketRows.NextSeqAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var evt = events.Create("ticket.opened", new Subject("ticket", ""), actor, [], new Dictionary<string, string> { ["system_id"] = systemId });
            var ticket = new Ticket(evt.Id.ToString(), TicketRows.KeyOf(seq), systemId, kind, title, description, Ticket.Open, request.Blocking ?? false,
                assignee, null, new TicketExternal(null, null, null, null), evt.Time, actor.Id, evt.Time, actor.Id, 0);
            evt = evt with
            {
                Subject = new Subject("ticket", ticket.Id),
                Data = new JsonObject
                {
                    ["key"] = ticket.Key, ["system_id"] = systemId, ["kind"] = kind, ["title"] = title, ["description"] = description,
                    ["status"] = Ticket.Open, ["blocking"] = ticket.Blocking, ["assignee"] = assignee,
                },
            };
            try
            {
                var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
                {
                    await InventoryChecks.EnsureSystemExistsAsync(connection, tx, systemId, ct).ConfigureAwait(false);
                    if (await TicketRows.NextSeqAsync(connection, tx, ct).ConfigureAwait(false) != seq) throw new KeyTakenException();
                    await TicketRows.InsertAsync(connection, tx, ticket with { LedgerIndex = idx }, seq, ct).ConfigureAwait(false);
                    await TicketRows.HistoryAsync(connection, tx, ticket.Id, evt.Time, actor.Id, "opened", null, Ticket.Open, null, idx, ct).ConfigureAwait(false);
                    await TicketRows.EnqueueAsync(connection, tx, ticket.Id, mirror.Targets, TicketOperations.Create, evt.Time, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                return ticket with { LedgerIndex = index };
            }
            catch (KeyTakenException) when (attempt < 8)
            {
                // Another writer (an intake ticket of a registration) took the key between our read and our entry: retry.
            }
        }
    }

    /// <summary>
    /// Changes a ticket's status (<c>ticket.status_changed</c>, <c>ticket.closed</c> or <c>ticket.reopened</c>). Closing needs a
    /// resolution. A blocking intake ticket closes by an approved assessment; by hand only an admin may close or cancel it,
    /// and the resolution is the recorded reason of that override.
    /// </summary>
    public async Task<Ticket> ChangeStatusAsync(Actor actor, bool isAdmin, string id, TicketStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var check = new Check();
        var status = check.OneOf("status", change.Status, Ticket.Statuses);
        var resolution = check.Text("resolution", change.Resolution, 2000);
        if (status is not null && Ticket.IsClosed(status) && string.IsNullOrWhiteSpace(resolution))
            check.Fail("resolution", "is required to close a ticket (say why)");
        check.ThrowIfFailed();

        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current.Status == status) throw new ConflictException($"ticket {current.Key} is already {status}");
        var overriding = current.Blocking && current.Kind == Ticket.RiskAssessmentKind && Ticket.IsClosed(status!);
        if (overriding && !isAdmin)
            throw new ForbiddenException($"ticket {current.Key} blocks lifecycle progress: an approved assessment closes it (an admin may override with a reason)");
        var type = Ticket.IsClosed(status!) ? "ticket.closed" : Ticket.IsClosed(current.Status) ? "ticket.reopened" : "ticket.status_changed";
        var data = new JsonObject { ["key"] = current.Key, ["from"] = current.Status, ["to"] = status, ["resolution"] = Ticket.IsClosed(status!) ? resolution : null };
        if (overriding) data["override"] = true;
        if (!Ticket.IsClosed(status!) && !string.IsNullOrWhiteSpace(resolution)) data["note"] = resolution;
        var evt = events.Create(type, new Subject("ticket", current.Id), actor, data, new Dictionary<string, string> { ["system_id"] = current.SystemId });
        var newResolution = Ticket.IsClosed(status!) ? resolution : null;
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            if (!await TicketRows.SetStatusAsync(connection, tx, current.Id, current.Status, status!, newResolution, evt.Time, actor.Id, idx, ct).ConfigureAwait(false))
                throw new ConflictException($"ticket {current.Key} changed meanwhile; read it again");
            var note = overriding ? $"admin override: {resolution}" : resolution;
            await TicketRows.HistoryAsync(connection, tx, current.Id, evt.Time, actor.Id, type["ticket.".Length..], current.Status, status, note, idx, ct).ConfigureAwait(false);
            await TicketRows.EnqueueAsync(connection, tx, current.Id, mirror.Targets, TicketOperations.Status, evt.Time, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return current with { Status = status!, Resolution = newResolution, UpdatedAt = evt.Time, UpdatedBy = actor.Id, LedgerIndex = index };
    }

    /// <summary>One ticket, by id or key (<c>STW-42</c>).</summary>
    public async Task<Ticket> GetAsync(string idOrKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await TicketRows.FindAsync(connection, null, idOrKey, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"ticket {idOrKey} does not exist");
    }

    /// <summary>Tickets in key order, optionally of one system and in one status.</summary>
    public async Task<Page<Ticket>> ListAsync(string? systemId, string? status, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        if (status is not null && !Ticket.Statuses.Contains(status))
            throw new ValidationFailedException("status", $"must be one of {string.Join(", ", Ticket.Statuses)}");
        var after = Cursor.DecodeLong(cursor) ?? 0;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var where = new StringBuilder("WHERE seq > @after");
        command.With("@after", after);
        if (systemId is not null) { where.Append(" AND system_id = @sys"); command.With("@sys", systemId); }
        if (status is not null) { where.Append(" AND status = @status"); command.With("@status", status); }
        command.CommandText = TicketRows.Select(where.Append(" ORDER BY seq LIMIT @limit").ToString());
        command.With("@limit", take + 1);
        var items = new List<(Ticket Ticket, long Seq)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add((TicketRows.Read(reader), reader.GetInt64(19)));
        }
        var page = Pages.Cut(items, take, i => i.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Page<Ticket>(page.Items.Select(i => i.Ticket).ToArray(), page.NextCursor);
    }

    /// <summary>A ticket's history, oldest first.</summary>
    public async Task<IReadOnlyList<TicketHistoryEntry>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        var ticket = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT at, actor_id, action, from_status, to_status, note, ledger_index FROM ticket_history WHERE ticket_id = @t ORDER BY seq").With("@t", ticket.Id);
        var items = new List<TicketHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            items.Add(new TicketHistoryEntry(Timestamps.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                reader.StringOrNull(3), reader.StringOrNull(4), reader.StringOrNull(5), reader.GetInt64(6)));
        return items;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KindPattern();

    private sealed class KeyTakenException() : Exception("ticket key taken");
}
