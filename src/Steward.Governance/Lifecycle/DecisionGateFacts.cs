using System.Data.Common;
using Steward.Governance.Storage;
using Steward.Policy.Values;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The decisions recorded about a system, as gate input (built straight into policy values: with a thousand
/// decisions this is most of a gate's work):
/// <list type="bullet">
/// <item><c>input.decisions</c>: every decision, oldest first: <c>{id, type, outcome, actor, recorded_at, supersedes,
/// superseded}</c> (ids are UUIDv7, so they sort by time; <c>superseded</c> is true when a later decision corrects it).</item>
/// <item><c>input.current_decisions</c>: per type, the newest decision that no later one superseded.</item>
/// </list>
/// </summary>
internal sealed class DecisionGateFacts
{
    // Decisions are never edited or deleted, so a system's (count, largest id) names its set of decisions exactly:
    // the values built for it are reused until a decision is added. A handful of busy systems is all a cache needs.
    private const int MaxCachedSystems = 512;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    private sealed record Cached(long Count, string? MaxId, Value All, Value Current);

    /// <summary>The facts, from the cache when no decision was added since they were built.</summary>
    public async Task<(Value All, Value Current)> GetAsync(DbConnection connection, DbTransaction? transaction, string systemId,
        CancellationToken cancellationToken)
    {
        long count;
        string? maxId;
        await using (var stamp = connection.Command(
            "SELECT COUNT(*), MAX(id) FROM decisions WHERE subject_kind = 'system' AND subject_id = @id", transaction).With("@id", systemId))
        await using (var reader = await stamp.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            count = reader.GetInt64(0);
            maxId = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        if (_cache.TryGetValue(systemId, out var hit) && hit.Count == count && hit.MaxId == maxId) return (hit.All, hit.Current);
        var (all, current) = await CollectAsync(connection, transaction, systemId, cancellationToken).ConfigureAwait(false);
        if (_cache.Count >= MaxCachedSystems) _cache.Clear();
        _cache[systemId] = new Cached(count, maxId, all, current);
        return (all, current);
    }

    private static readonly StringValue Id = new("id"), Type = new("type"), Outcome = new("outcome"), ActorKey = new("actor"),
        RecordedAt = new("recorded_at"), Supersedes = new("supersedes"), Superseded = new("superseded");

    public static async Task<(Value All, Value Current)> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId,
        CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string Type, string Outcome, string Actor, string At, string? Supersedes)>();
        await using (var command = connection.Command(
            "SELECT id, type, outcome, actor_id, recorded_at, supersedes FROM decisions WHERE subject_kind = 'system' AND subject_id = @id ORDER BY id",
            transaction).With("@id", systemId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        var superseded = new HashSet<string>(rows.Where(r => r.Supersedes is not null).Select(r => r.Supersedes!), StringComparer.Ordinal);
        var items = new Value[rows.Count];
        var current = new Dictionary<string, Value>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var b = new ObjectBuilder();
            b.Set(Id, new StringValue(r.Id));
            b.Set(Type, new StringValue(r.Type));
            b.Set(Outcome, new StringValue(r.Outcome));
            b.Set(ActorKey, new StringValue(r.Actor));
            b.Set(RecordedAt, new StringValue(r.At));
            b.Set(Supersedes, r.Supersedes is null ? NullValue.Instance : new StringValue(r.Supersedes));
            var isSuperseded = superseded.Contains(r.Id);
            b.Set(Superseded, BooleanValue.Of(isSuperseded));
            items[i] = b.Build();
            if (!isSuperseded) current[r.Type] = items[i]; // rows come oldest first, so the last one wins
        }
        return (items.Length == 0 ? ArrayValue.Empty : new ArrayValue(items),
            ObjectValue.From(current.Select(kv => new KeyValuePair<string, Value>(kv.Key, kv.Value))));
    }
}
