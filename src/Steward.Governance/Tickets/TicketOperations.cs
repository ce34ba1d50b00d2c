namespace Steward.Governance.Tickets;

/// <summary>What an outbox row asks a connector to do. Each is idempotent against the outside tracker.</summary>
public static class TicketOperations
{
    /// <summary>Create the outside issue or record (after looking for one made by a lost earlier attempt).</summary>
    public const string Create = "create";
    /// <summary>Bring the outside status to the ticket's current status.</summary>
    public const string Status = "status";
    /// <summary>Jira only: the Blocks link from the risk ticket to the configured issue.</summary>
    public const string Link = "link";
}
