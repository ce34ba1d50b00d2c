namespace Steward.Client;

/// <summary>A ticket of Steward's built-in tracker.</summary>
/// <param name="Id">The ticket's id.</param>
/// <param name="Key">The readable key, e.g. <c>STW-42</c>.</param>
/// <param name="SystemId">The AI system it is about.</param>
/// <param name="Kind">What it is for: <c>ai_risk_assessment</c> for the intake ticket, or any lower snake case kind.</param>
/// <param name="Title">One line.</param>
/// <param name="Description">Free text.</param>
/// <param name="Status">open, in_progress, done or cancelled.</param>
/// <param name="Blocking">Whether it blocks the system's lifecycle progress while not done.</param>
/// <param name="Assignee">Who works on it.</param>
/// <param name="Resolution">Why it was closed.</param>
/// <param name="External">Where it is mirrored (Jira, ServiceNow).</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="CreatedBy">Who opened it.</param>
/// <param name="UpdatedAt">Its last change.</param>
/// <param name="UpdatedBy">Who made the last change.</param>
/// <param name="LedgerIndex">The ledger entry of the last change.</param>
/// <param name="History">Its changes and notes, oldest first (only from <see cref="TicketsClient.GetAsync"/>).</param>
/// <param name="Deliveries">Its calls to outside trackers (only from <see cref="TicketsClient.GetAsync"/>).</param>
public sealed record Ticket(
    string Id, string Key, string SystemId, string Kind, string Title, string? Description, string Status, bool Blocking,
    string? Assignee, string? Resolution, TicketExternal? External, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, long? LedgerIndex,
    IReadOnlyList<TicketHistoryEntry>? History = null, IReadOnlyList<TicketDelivery>? Deliveries = null);

/// <summary>Where a ticket is mirrored.</summary>
/// <param name="JiraKey">The Jira issue key.</param>
/// <param name="JiraStatus">The Jira status last seen.</param>
/// <param name="ServicenowSysId">The ServiceNow record's sys_id.</param>
/// <param name="ServicenowNumber">The ServiceNow record's number.</param>
public sealed record TicketExternal(string? JiraKey, string? JiraStatus, string? ServicenowSysId, string? ServicenowNumber);

/// <summary>One change or note of a ticket.</summary>
/// <param name="At">When.</param>
/// <param name="ActorId">Who.</param>
/// <param name="Action">opened, status_changed, closed, reopened, note, mirrored or external_status.</param>
/// <param name="FromStatus">The status before.</param>
/// <param name="ToStatus">The status after.</param>
/// <param name="Note">What happened.</param>
/// <param name="LedgerIndex">The ledger entry that records it.</param>
public sealed record TicketHistoryEntry(DateTimeOffset At, string ActorId, string Action, string? FromStatus, string? ToStatus, string? Note, long LedgerIndex);

/// <summary>One call to an outside tracker, pending or delivered.</summary>
/// <param name="Seq">The outbox row.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="TicketKey">The ticket's key.</param>
/// <param name="Target">jira or servicenow.</param>
/// <param name="Operation">create, status or link.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="NextAttemptAt">When it is tried next.</param>
/// <param name="Attempts">Failed attempts.</param>
/// <param name="LastAttemptAt">The last attempt.</param>
/// <param name="LastError">What went wrong last.</param>
/// <param name="DeliveredAt">When it was delivered; null while pending.</param>
public sealed record TicketDelivery(long Seq, string TicketId, string TicketKey, string Target, string Operation, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>The delivery backlog.</summary>
/// <param name="Pending">Rows waiting.</param>
/// <param name="Failing">Rows that failed at least once.</param>
/// <param name="Items">The oldest pending rows.</param>
public sealed record TicketBacklog(long Pending, long Failing, IReadOnlyList<TicketDelivery> Items);
