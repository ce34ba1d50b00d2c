using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Verification;

/// <summary>
/// Verifies a whole ledger offline: entries are complete, in order, unchanged and canonical, stored hashes agree with
/// them, and every signed checkpoint matches the tree recomputed from them. Rows are streamed: memory stays bounded
/// and per-row work (hashing, canonical-JSON scan) runs in parallel batches.
/// </summary>
public sealed class LedgerVerifier
{
    private const int BatchSize = 4096;

    private readonly NoteVerifier _logKey;
    private readonly string _origin;

    /// <summary>Creates a verifier for the log signed by <paramref name="logKey"/> with checkpoints for <paramref name="origin"/>.</summary>
    /// <param name="logKey">The log's checkpoint verifier key.</param>
    /// <param name="origin">The origin line the log's checkpoints carry.</param>
    public LedgerVerifier(NoteVerifier logKey, string origin)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        _logKey = logKey;
        _origin = origin;
    }

    /// <summary>Verifies the ledger and reports the first problem, by entry index.</summary>
    /// <param name="rows">All entries, in ascending stored-index order; streamed once.</param>
    /// <param name="checkpoints">Signed checkpoint notes, in any order; each must verify with the log key and carry the origin.</param>
    /// <param name="storedNodes">Optional lookup of stored tree nodes at level 1 and above (null when a node is not stored).</param>
    /// <returns>The report.</returns>
    public LedgerVerificationReport Verify(IEnumerable<LedgerRow> rows, IEnumerable<string> checkpoints, Func<NodeId, byte[]?>? storedNodes = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var checkpointSet = new CheckpointSet(checkpoints, _logKey, _origin);
        var run = new VerificationRun(checkpointSet, storedNodes);
        run.CompareCheckpoints();

        var batch = new LedgerRow[BatchSize];
        var inspections = new LeafInspection[BatchSize];
        byte[] hashes = new byte[BatchSize * MerkleHash.Size];
        using var enumerator = rows.GetEnumerator();
        int count;
        do
        {
            count = 0;
            while (count < BatchSize && enumerator.MoveNext())
            {
                batch[count++] = enumerator.Current ?? throw new ArgumentException("Rows must not be null.", nameof(rows));
            }

            Inspect(batch, inspections, hashes, count);
            for (int i = 0; i < count; i++)
            {
                run.Accept(batch[i], inspections[i], hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        }
        while (count == BatchSize);

        return run.Finish();
    }

    private static void Inspect(LedgerRow[] batch, LeafInspection[] inspections, byte[] hashes, int count)
    {
        if (count < 256 || Environment.ProcessorCount == 1)
        {
            for (int i = 0; i < count; i++)
            {
                inspections[i] = LeafInspection.Inspect(batch[i], hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }

            return;
        }

        Parallel.For(0, count, i => inspections[i] = LeafInspection.Inspect(batch[i], hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size)));
    }
}
