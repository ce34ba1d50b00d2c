using System.Data.Common;
using System.Globalization;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// Intake automation. Registering a system opens its mandatory, blocking "AI Risk Assessment" ticket inside the
/// registration's transaction (the <c>system.registered</c> entry is its record: the ticket's ledger index and
/// history point at it). An approved assessment with outcome <c>passed</c> closes it inside the approval's
/// transaction; any other outcome leaves it open with a note.
/// </summary>
public sealed class IntakeTicketHook(TicketMirrorTargets mirror, TimeProvider time) : ISystemHook, IAssessmentApprovedHook
{
    /// <summary>The intake ticket's title.</summary>
    public const string Title = "AI Risk Assessment";

    /// <inheritdoc />
    public async Task OnRegisteredAsync(DbConnection connection, DbTransaction transaction, AiSystem system, long ledgerIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var seq = await TicketRows.NextSeqAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var at = system.CreatedAt;
        var ticket = new Ticket(
            Guid.CreateVersion7(at).ToString(), TicketRows.KeyOf(seq), system.Id, Ticket.RiskAssessmentKind, $"{Title}: {system.Name}",
            $"Mandatory risk assessment of AI system '{system.Name}' ({system.Id}). It blocks lifecycle progress until an approved " +
            "assessment with outcome 'passed' closes it.",
            Ticket.Open, Blocking: true, Assignee: system.Owner, Resolution: null, new TicketExternal(null, null, null, null),
            at, Events.Actor.System.Id, at, Events.Actor.System.Id, ledgerIndex);
        await TicketRows.InsertAsync(connection, transaction, ticket, seq, cancellationToken).ConfigureAwait(false);
        await TicketRows.HistoryAsync(connection, transaction, ticket.Id, at, system.CreatedBy, "opened", null, Ticket.Open,
            $"opened by the registration of system {system.Id} (ledger entry {ledgerIndex.ToString(CultureInfo.InvariantCulture)})", ledgerIndex, cancellationToken).ConfigureAwait(false);
        await TicketRows.EnqueueAsync(connection, transaction, ticket.Id, mirror.Targets, TicketOperations.Create, at, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task OnChangedAsync(DbConnection connection, DbTransaction transaction, AiSystem before, AiSystem after,
        IReadOnlyCollection<string> changedFields, long ledgerIndex, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnApprovedAsync(DbConnection connection, DbTransaction transaction, string systemId, string assessmentId, string outcome,
        long ledgerIndex, CancellationToken cancellationToken)
    {
        var at = Timestamps.Truncate(time.GetUtcNow());
        var index = ledgerIndex.ToString(CultureInfo.InvariantCulture);
        await foreach (var ticket in OpenIntakeTicketsAsync(connection, transaction, systemId, cancellationToken).ConfigureAwait(false))
        {
            if (outcome == "passed")
            {
                var resolution = $"Closed by approved assessment {assessmentId} (outcome passed, ledger entry {index})";
                if (!await TicketRows.SetStatusAsync(connection, transaction, ticket.Id, ticket.Status, Ticket.Done, resolution, at, Events.Actor.System.Id, ledgerIndex, cancellationToken).ConfigureAwait(false))
                    throw new InvalidOperationException($"ticket {ticket.Key} changed during the approval");
                await TicketRows.HistoryAsync(connection, transaction, ticket.Id, at, Events.Actor.System.Id, "closed", ticket.Status, Ticket.Done, resolution, ledgerIndex, cancellationToken).ConfigureAwait(false);
                await TicketRows.EnqueueAsync(connection, transaction, ticket.Id, mirror.Targets, TicketOperations.Status, at, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await TicketRows.HistoryAsync(connection, transaction, ticket.Id, at, Events.Actor.System.Id, "note", null, null,
                    $"assessment {assessmentId} was approved with outcome '{outcome}' (ledger entry {index}); the ticket stays open until an assessment passes",
                    ledgerIndex, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async IAsyncEnumerable<Ticket> OpenIntakeTicketsAsync(DbConnection connection, DbTransaction tx, string systemId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var found = new List<Ticket>();
        await using (var command = connection.Command(
            TicketRows.Select("WHERE system_id = @sys AND kind = @kind AND status IN ('open', 'in_progress') ORDER BY seq"), tx)
            .With("@sys", systemId).With("@kind", Ticket.RiskAssessmentKind))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) found.Add(TicketRows.Read(reader));
        }
        foreach (var t in found) yield return t;
    }
}
