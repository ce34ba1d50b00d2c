using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>Delivers outbox rows to one outside tracker. Each operation is idempotent (safe to repeat after a lost answer).</summary>
internal interface ITicketConnector
{
    /// <summary><c>jira</c> or <c>servicenow</c>.</summary>
    string Target { get; }

    /// <summary>Carries out one row for the ticket's current state; throws <see cref="ConnectorException"/> on failure.</summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxItem item, Ticket ticket, CancellationToken cancellationToken);
}

/// <summary>What a delivered row produced.</summary>
/// <param name="ExternalId">For a create: the Jira key or the ServiceNow sys_id.</param>
/// <param name="Number">For a ServiceNow create: the record number.</param>
/// <param name="FollowUps">Operations to queue after a create (e.g. the Jira Blocks link).</param>
internal sealed record DeliveryOutcome(string? ExternalId = null, string? Number = null, IReadOnlyList<string>? FollowUps = null)
{
    public static DeliveryOutcome Done { get; } = new();
}
