using System.Text.Json.Serialization;

namespace Steward.Governance.Tickets;

/// <summary>A ticket of Steward's built-in tracker.</summary>
/// <param name="Id">System id (UUIDv7).</param>
/// <param name="Key">Readable key, e.g. <c>STW-42</c>.</param>
/// <param name="SystemId">The AI system it is about.</param>
/// <param name="Kind">What it is for, e.g. <c>ai_risk_assessment</c> (the intake ticket).</param>
/// <param name="Title">One line.</param>
/// <param name="Description">Free text.</param>
/// <param name="Status">open, in_progress, done or cancelled.</param>
/// <param name="Blocking">Whether it blocks the system's lifecycle progress while not done.</param>
/// <param name="Assignee">Who works on it, if anyone.</param>
/// <param name="Resolution">Why it was closed (done or cancelled).</param>
/// <param name="External">References in Jira and ServiceNow once mirrored.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="CreatedBy">Who opened it.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="UpdatedBy">Who made the last change.</param>
/// <param name="LedgerIndex">The ledger entry of the last change (for the intake ticket's opening: the system's registration).</param>
public sealed record Ticket(
    string Id, string Key, string SystemId, string Kind, string Title, string Description, string Status, bool Blocking,
    string? Assignee, string? Resolution, TicketExternal External, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset UpdatedAt, string UpdatedBy, long LedgerIndex)
{
    /// <summary>The kind of the mandatory intake ticket.</summary>
    public const string RiskAssessmentKind = "ai_risk_assessment";

    /// <summary>Status of a new ticket.</summary>
    public const string Open = "open";
    /// <summary>Someone works on it.</summary>
    public const string InProgress = "in_progress";
    /// <summary>Closed as done.</summary>
    public const string Done = "done";
    /// <summary>Closed without being done.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>All statuses.</summary>
    public static readonly string[] Statuses = [Open, InProgress, Done, Cancelled];

    /// <summary>Whether a status closes a ticket.</summary>
    public static bool IsClosed(string status) => status is Done or Cancelled;
}

/// <summary>Where a ticket is mirrored.</summary>
/// <param name="JiraKey">Jira issue key, e.g. <c>GOV-7</c>.</param>
/// <param name="JiraStatus">The Jira status last seen (webhook or polling).</param>
/// <param name="ServiceNowSysId">ServiceNow record sys_id.</param>
/// <param name="ServiceNowNumber">ServiceNow record number, e.g. <c>INC0010001</c>.</param>
public sealed record TicketExternal(string? JiraKey, string? JiraStatus,
    [property: JsonPropertyName("servicenow_sys_id")] string? ServiceNowSysId,
    [property: JsonPropertyName("servicenow_number")] string? ServiceNowNumber);

/// <summary>One change or note in a ticket's history.</summary>
/// <param name="At">When.</param>
/// <param name="ActorId">Who (or <c>steward</c> for automation).</param>
/// <param name="Action">opened, status_changed, closed, note, mirrored, external_status.</param>
/// <param name="FromStatus">Status before, for status changes.</param>
/// <param name="ToStatus">Status after, for status changes.</param>
/// <param name="Note">What happened, in words.</param>
/// <param name="LedgerIndex">The ledger entry that records it.</param>
public sealed record TicketHistoryEntry(DateTimeOffset At, string ActorId, string Action, string? FromStatus, string? ToStatus, string? Note, long LedgerIndex);
