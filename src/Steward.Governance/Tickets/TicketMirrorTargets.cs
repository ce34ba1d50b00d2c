namespace Steward.Governance.Tickets;

/// <summary>
/// The outside trackers tickets are mirrored to (<c>jira</c>, <c>servicenow</c>). Every ticket change enqueues one
/// outbox row per target in its own transaction; the host registers the configured targets (none by default).
/// </summary>
public sealed class TicketMirrorTargets(IEnumerable<string> targets)
{
    /// <summary>Jira Cloud.</summary>
    public const string Jira = "jira";
    /// <summary>ServiceNow.</summary>
    public const string ServiceNow = "servicenow";

    /// <summary>No mirroring.</summary>
    public static TicketMirrorTargets None { get; } = new([]);

    /// <summary>The configured targets.</summary>
    public IReadOnlyList<string> Targets { get; } = targets.Distinct(StringComparer.Ordinal).ToArray();
}
