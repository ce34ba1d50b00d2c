using System.Text.Json.Nodes;

namespace Steward.Governance.Events;

/// <summary>Stamps new events with a UUIDv7 and the time from the injected clock.</summary>
public sealed class EventFactory(TimeProvider time)
{
    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>Creates an event happening now.</summary>
    public GovernanceEvent Create(string type, Subject subject, Actor actor, JsonObject data, IReadOnlyDictionary<string, string>? refs = null)
    {
        var now = Timestamps.Truncate(time.GetUtcNow());
        return new GovernanceEvent(Guid.CreateVersion7(now), now, type, subject, actor, data, refs ?? new Dictionary<string, string>());
    }
}
