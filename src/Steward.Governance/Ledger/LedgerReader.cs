using System.Text;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Paging;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>
/// Reads entries, the tree head and proofs. Proofs take O(log n) stored tree nodes, from an in-memory mirror
/// of the stored levels while the tree has at most <paramref name="proofCacheLeaves"/> entries (0 turns it
/// off), else from storage in one query.
/// </summary>
public sealed class LedgerReader(StewardDatabase db, long proofCacheLeaves = LedgerOptions.DefaultProofCacheLeaves)
{
    private readonly TreeMirror _mirror = new(proofCacheLeaves);
    // The tree only grows: a size once seen stays valid, so proofs up to it need no head query.
    private long _knownSize;

    private async Task<long> HeadSizeAtLeastAsync(System.Data.Common.DbConnection connection, long wanted, CancellationToken ct)
    {
        var known = Volatile.Read(ref _knownSize);
        if (wanted <= known && wanted > 0) return known;
        var (size, _) = await LedgerQueries.ReadHeadAsync(connection, null, ct).ConfigureAwait(false);
        if (size > known) Interlocked.CompareExchange(ref _knownSize, size, known);
        return size;
    }

    /// <summary>Current tree size and root.</summary>
    public async Task<(long Size, byte[] Root)> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LedgerQueries.ReadHeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One entry by index.</summary>
    public async Task<LedgerEntry> GetAsync(long index, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT idx, leaf, leaf_hash FROM ledger_entries WHERE idx = @idx").With("@idx", index);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            throw new NotFoundException($"ledger entry {index} does not exist");
        return new LedgerEntry(reader.GetInt64(0), reader.Bytes(1), reader.Bytes(2));
    }

    /// <summary>Entries newest first, filtered.</summary>
    public async Task<Page<LedgerEntry>> ListAsync(LedgerEntryFilter filter, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var take = Cursor.Limit(limit);
        var before = Cursor.DecodeLong(cursor);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder("SELECT idx, leaf, leaf_hash FROM ledger_entries WHERE 1 = 1");
        void Where(string clause, string name, object? value)
        {
            if (value is null) return;
            sql.Append(" AND ").Append(clause);
            command.With(name, value);
        }
        Where("idx < @before", "@before", before);
        Where("type = @type", "@type", filter.Type);
        Where("subject_kind = @sk", "@sk", filter.SubjectKind);
        Where("subject_id = @sid", "@sid", filter.SubjectId);
        Where("actor_id = @actor", "@actor", filter.ActorId);
        Where("time >= @since", "@since", filter.Since is { } s ? Timestamps.Format(s) : null);
        Where("time < @until", "@until", filter.Until is { } u ? Timestamps.Format(u) : null);
        sql.Append(" ORDER BY idx DESC LIMIT @limit");
        command.With("@limit", take + 1);
        command.CommandText = sql.ToString();
        var items = new List<LedgerEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                items.Add(new LedgerEntry(reader.GetInt64(0), reader.Bytes(1), reader.Bytes(2)));
        }
        string? next = null;
        if (items.Count > take)
        {
            items.RemoveAt(take);
            next = Cursor.Encode(items[^1].Index);
        }
        return new Page<LedgerEntry>(items, next);
    }

    /// <summary>Inclusion proof of entry <paramref name="index"/> in the tree of <paramref name="size"/> entries (default: current).</summary>
    public async Task<LedgerProof> InclusionProofAsync(long index, long? size, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var head = await HeadSizeAtLeastAsync(connection, size ?? 0, cancellationToken).ConfigureAwait(false);
        var treeSize = size ?? head;
        if (treeSize < 1 || treeSize > head)
            throw new ValidationFailedException("size", $"must be between 1 and the current tree size {head}");
        if (index < 0 || index >= treeSize)
            throw new ValidationFailedException("index", $"must be between 0 and {treeSize - 1} for a tree of size {treeSize}");
        var plan = ProofPlan.Inclusion(index, treeSize);
        var leaf = new NodeId(0, index);
        var nodes = await ReadNodesAsync(connection, treeSize, ProofPlan.Distinct(plan).Append(leaf), cancellationToken).ConfigureAwait(false);
        return new LedgerProof(treeSize, ProofPlan.Build(plan, nodes), nodes[leaf]);
    }

    /// <summary>Consistency proof from the tree of <paramref name="from"/> entries to the tree of <paramref name="size"/> (default: current).</summary>
    public async Task<LedgerProof> ConsistencyProofAsync(long from, long? size, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var head = await HeadSizeAtLeastAsync(connection, size ?? 0, cancellationToken).ConfigureAwait(false);
        var treeSize = size ?? head;
        if (treeSize < 0 || treeSize > head)
            throw new ValidationFailedException("size", $"must be between 0 and the current tree size {head}");
        if (from < 1 || from > treeSize)
            throw new ValidationFailedException("from", $"must be between 1 and {treeSize}");
        var plan = ProofPlan.Consistency(from, treeSize);
        var nodes = await ReadNodesAsync(connection, treeSize, ProofPlan.Distinct(plan), cancellationToken).ConfigureAwait(false);
        return new LedgerProof(treeSize, ProofPlan.Build(plan, nodes));
    }

    /// <summary>Fills the in-memory mirror up to the current head (a background warm-up at start).</summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var size = await HeadSizeAtLeastAsync(connection, 0, cancellationToken).ConfigureAwait(false);
        if (size > 0 && _mirror.Covers(size)) await _mirror.EnsureAsync(connection, size, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<NodeId, byte[]>> ReadNodesAsync(System.Data.Common.DbConnection connection, long treeSize, IEnumerable<NodeId> ids, CancellationToken ct)
    {
        if (!_mirror.Covers(treeSize))
            return await LedgerQueries.ReadNodesAsync(connection, null, ids, ct).ConfigureAwait(false);
        await _mirror.EnsureAsync(connection, treeSize, ct).ConfigureAwait(false);
        return _mirror.Get(ids);
    }
}
