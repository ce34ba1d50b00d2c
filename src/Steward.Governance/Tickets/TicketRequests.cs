namespace Steward.Governance.Tickets;

/// <summary>What opening a ticket by hand takes.</summary>
/// <param name="SystemId">The AI system (required).</param>
/// <param name="Title">One line (required).</param>
/// <param name="Description">Free text.</param>
/// <param name="Kind">Lower snake case, default <c>task</c>.</param>
/// <param name="Blocking">Whether it blocks lifecycle progress (default false).</param>
/// <param name="Assignee">Who works on it.</param>
public sealed record TicketRequest(string? SystemId, string? Title, string? Description, string? Kind, bool? Blocking, string? Assignee);

/// <summary>A status change.</summary>
/// <param name="Status">open, in_progress, done or cancelled.</param>
/// <param name="Resolution">Why (required to close: done or cancelled).</param>
public sealed record TicketStatusChange(string? Status, string? Resolution);
