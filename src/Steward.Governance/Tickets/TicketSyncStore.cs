using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// What the connectors learn from outside trackers, recorded as ledger entries by the <c>steward</c> actor:
/// <c>ticket.mirrored</c> (the outside key, written with the outbox row's delivery and any follow-up call) and
/// <c>ticket.external_status</c> (a Jira status change seen by webhook or polling, applied to the ticket unless it
/// would close a blocking intake ticket, which only an approved assessment closes).
/// </summary>
public sealed class TicketSyncStore(StewardDatabase db, LedgerStore ledger, EventFactory events, TicketMirrorTargets mirror)
{
    /// <summary>
    /// Records the outside reference of a created issue or record, marks the create row delivered and, for Jira,
    /// queues the follow-up calls (<paramref name="followUps"/>) in the same transaction.
    /// </summary>
    public async Task RecordMirroredAsync(OutboxItem item, string externalId, string? number, IReadOnlyList<string> followUps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(followUps);
        var data = new JsonObject { ["key"] = item.TicketKey, ["target"] = item.Target };
        if (item.Target == TicketMirrorTargets.Jira) data["jira_key"] = externalId;
        else { data["servicenow_sys_id"] = externalId; data["servicenow_number"] = number; }
        var evt = events.Create("ticket.mirrored", new Subject("ticket", item.TicketId), Actor.System, data);
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            var sql = item.Target == TicketMirrorTargets.Jira
                ? "UPDATE tickets SET jira_key = @a WHERE id = @id"
                : "UPDATE tickets SET servicenow_sys_id = @a, servicenow_number = @b WHERE id = @id";
            await using (var update = connection.Command(sql, tx).With("@a", externalId).With("@id", item.TicketId))
            {
                if (item.Target != TicketMirrorTargets.Jira) update.With("@b", number);
                await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            var what = item.Target == TicketMirrorTargets.Jira ? $"Jira issue {externalId}" : $"ServiceNow record {number} ({externalId})";
            await TicketRows.HistoryAsync(connection, tx, item.TicketId, evt.Time, Actor.System.Id, "mirrored", null, null, $"mirrored as {what}", idx, ct).ConfigureAwait(false);
            await TicketOutboxStore.MarkDeliveredAsync(connection, tx, item.Seq, evt.Time, ct).ConfigureAwait(false);
            foreach (var op in followUps)
                await TicketRows.EnqueueAsync(connection, tx, item.TicketId, [item.Target], op, evt.Time, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A Jira issue's status as Jira reports it (<paramref name="category"/>: Jira's status category key new,
    /// indeterminate or done). Returns the ticket after the change, or null when no ticket has this Jira key.
    /// Nothing is written when neither the Jira status nor the ticket would change.
    /// </summary>
    public async Task<Ticket?> ApplyJiraStatusAsync(string jiraKey, string statusName, string category, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jiraKey);
        Ticket? current;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var find = connection.Command(TicketRows.Select("WHERE jira_key = @k"), null).With("@k", jiraKey))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            current = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? TicketRows.Read(reader) : null;
        if (current is null) return null;

        var wanted = category switch
        {
            "done" => Ticket.Done,
            "indeterminate" => Ticket.InProgress,
            "new" => Ticket.Open,
            _ => throw new ValidationFailedException("issue.fields.status.statusCategory.key", "must be new, indeterminate or done"),
        };
        // Steward's cancelled maps to Jira's done category too: that is no change.
        var sameCategory = wanted == current.Status || (wanted == Ticket.Done && current.Status == Ticket.Cancelled);
        string? refused = null;
        if (!sameCategory && wanted == Ticket.Done && current.Blocking && current.Kind == Ticket.RiskAssessmentKind)
            refused = "Jira reports the issue done, but the blocking intake ticket closes only with an approved assessment (or an admin's override in Steward)";
        var next = sameCategory || refused is not null ? current.Status : wanted;
        if (current.External.JiraStatus == statusName && next == current.Status) return current;

        var data = new JsonObject { ["key"] = current.Key, ["jira_key"] = jiraKey, ["jira_status"] = statusName, ["from"] = current.Status, ["to"] = next };
        if (refused is not null) data["refused"] = refused;
        var evt = events.Create("ticket.external_status", new Subject("ticket", current.Id), Actor.System, data);
        var resolution = next == Ticket.Done ? $"Done in Jira ({jiraKey}: {statusName})" : null;
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using (var update = connection.Command(
                "UPDATE tickets SET jira_status = @js, status = @status, resolution = CASE WHEN @changed = 1 THEN @res ELSE resolution END, " +
                "updated_at = @at, updated_by = @by, ledger_index = @idx WHERE id = @id AND status = @was", tx)
                .With("@js", statusName).With("@status", next).With("@changed", next != current.Status ? 1 : 0).With("@res", resolution)
                .With("@at", Timestamps.Format(evt.Time)).With("@by", Actor.System.Id).With("@idx", idx).With("@id", current.Id).With("@was", current.Status))
            {
                if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                    throw new ConflictException($"ticket {current.Key} changed meanwhile");
            }
            var note = refused ?? $"Jira status of {jiraKey} is now '{statusName}'";
            await TicketRows.HistoryAsync(connection, tx, current.Id, evt.Time, Actor.System.Id, "external_status",
                next != current.Status ? current.Status : null, next != current.Status ? next : null, note, idx, ct).ConfigureAwait(false);
            if (next != current.Status)
                await TicketRows.EnqueueAsync(connection, tx, current.Id, mirror.Targets.Where(t => t != TicketMirrorTargets.Jira), TicketOperations.Status, evt.Time, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return current with
        {
            Status = next, Resolution = next != current.Status ? resolution : current.Resolution, External = current.External with { JiraStatus = statusName },
            UpdatedAt = evt.Time, UpdatedBy = Actor.System.Id, LedgerIndex = index,
        };
    }
}
