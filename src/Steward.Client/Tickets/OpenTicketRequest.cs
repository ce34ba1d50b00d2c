namespace Steward.Client;

/// <summary>Opens a ticket by hand.</summary>
public sealed record OpenTicketRequest
{
    /// <summary>The AI system.</summary>
    public required string SystemId { get; init; }

    /// <summary>One line.</summary>
    public required string Title { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Lower snake case kind (the server's default is <c>task</c>).</summary>
    public string? Kind { get; init; }

    /// <summary>Whether it blocks lifecycle progress (default false).</summary>
    public bool? Blocking { get; init; }

    /// <summary>Who works on it.</summary>
    public string? Assignee { get; init; }
}

/// <summary>Changes a ticket's status.</summary>
/// <param name="Status">open, in_progress, done or cancelled.</param>
/// <param name="Resolution">Why; required to close.</param>
public sealed record ChangeTicketStatusRequest(string Status, string? Resolution = null);
