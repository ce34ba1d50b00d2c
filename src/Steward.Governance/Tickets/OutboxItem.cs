namespace Steward.Governance.Tickets;

/// <summary>One outside call waiting (or done), as the worker and the backlog views see it.</summary>
/// <param name="Seq">Outbox row number (delivery order per ticket and target).</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="TicketKey">Its readable key.</param>
/// <param name="Target"><c>jira</c> or <c>servicenow</c>.</param>
/// <param name="Operation">create, status or link.</param>
/// <param name="CreatedAt">When the change was made.</param>
/// <param name="NextAttemptAt">When the worker tries next.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="LastError">What went wrong last (never credentials).</param>
/// <param name="DeliveredAt">When it was delivered; null while pending.</param>
public sealed record OutboxItem(long Seq, string TicketId, string TicketKey, string Target, string Operation, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>The delivery backlog: pending rows (oldest first) and their count.</summary>
/// <param name="Pending">How many rows wait.</param>
/// <param name="Failing">How many of them failed at least once.</param>
/// <param name="Items">The oldest pending rows.</param>
public sealed record OutboxBacklog(long Pending, long Failing, IReadOnlyList<OutboxItem> Items);
