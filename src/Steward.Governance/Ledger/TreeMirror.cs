using System.Data.Common;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>
/// An in-memory copy of the stored tree levels, so proofs need no database round trip. Perfect subtree
/// nodes never change once stored, and the copy is filled from storage in index order only up to a size
/// the caller has seen in the head, so it is correct whichever process appended the nodes. Memory: 32
/// bytes per node, about 64 MB per million entries; trees larger than the limit are served from storage.
/// </summary>
internal sealed class TreeMirror(long maxLeaves)
{
    // Each level is one array, so the largest mirrored tree is bounded by array size (2^25 leaves: 1 GiB at level 0).
    private readonly long _maxLeaves = Math.Clamp(maxLeaves, 0, 1L << 25);
    private const int Levels = 63;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly byte[][] _hashes = Enumerable.Repeat(Array.Empty<byte>(), Levels).ToArray();
    private readonly long[] _counts = new long[Levels];
    private long _coveredSize;

    /// <summary>Whether a tree of this size is mirrored (at most the configured number of leaves).</summary>
    public bool Covers(long size) => size <= _maxLeaves;

    /// <summary>Copies every perfect node of the tree of <paramref name="size"/> leaves not yet mirrored.</summary>
    public async Task EnsureAsync(DbConnection connection, long size, CancellationToken ct)
    {
        if (Volatile.Read(ref _coveredSize) >= size) return;
        await _loading.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var level = 0; level < Levels && (size >> level) > 0; level++)
            {
                var need = size >> level; // complete nodes at this level
                var have = _counts[level];
                if (have >= need) continue;
                var loaded = await ReadRangeAsync(connection, level, have, need, ct).ConfigureAwait(false);
                lock (_gate)
                {
                    var hashes = _hashes[level];
                    if (hashes.Length < need * MerkleHash.Size)
                    {
                        var grown = new byte[Math.Max(need, have * 2) * MerkleHash.Size];
                        hashes.AsSpan(0, (int)(have * MerkleHash.Size)).CopyTo(grown);
                        _hashes[level] = hashes = grown;
                    }
                    loaded.CopyTo(hashes.AsSpan((int)(have * MerkleHash.Size)));
                    _counts[level] = need;
                }
            }
            Volatile.Write(ref _coveredSize, size);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The mirrored hashes of the given nodes (all must lie within a covered size).</summary>
    public Dictionary<NodeId, byte[]> Get(IEnumerable<NodeId> ids)
    {
        var result = new Dictionary<NodeId, byte[]>();
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (id.Index >= _counts[id.Level])
                    throw new InvalidOperationException($"ledger node {id} is not mirrored");
                result[id] = _hashes[id.Level].AsSpan((int)(id.Index * MerkleHash.Size), MerkleHash.Size).ToArray();
            }
        }
        return result;
    }

    private static async Task<byte[]> ReadRangeAsync(DbConnection connection, int level, long from, long to, CancellationToken ct)
    {
        await using var command = level == 0
            ? connection.Command("SELECT idx, leaf_hash FROM ledger_entries WHERE idx >= @from AND idx < @to ORDER BY idx")
            : connection.Command("SELECT idx, hash FROM ledger_nodes WHERE level = @level AND idx >= @from AND idx < @to ORDER BY idx").With("@level", level);
        command.With("@from", from).With("@to", to);
        var buffer = new byte[(to - from) * MerkleHash.Size];
        var expected = from;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var hash = reader.Bytes(1);
            if (reader.GetInt64(0) != expected || hash.Length != MerkleHash.Size)
                throw new InvalidOperationException($"ledger node ({level}, {expected}) is missing or malformed in storage; run 'steward ledger verify'");
            hash.CopyTo(buffer, (expected - from) * MerkleHash.Size);
            expected++;
        }
        if (expected != to)
            throw new InvalidOperationException($"ledger node ({level}, {expected}) is missing from storage; run 'steward ledger verify'");
        return buffer;
    }
}
