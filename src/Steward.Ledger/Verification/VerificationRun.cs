using Steward.Ledger.Merkle;

namespace Steward.Ledger.Verification;

/// <summary>The sequential part of one verification: ordering, tree building, stored nodes and checkpoints.</summary>
internal sealed class VerificationRun(CheckpointSet checkpoints, Func<NodeId, byte[]?>? storedNodes)
{
    private readonly MerkleFrontier _frontier = MerkleFrontier.Empty();
    private readonly List<(NodeId Id, byte[] Hash)>? _completed = storedNodes is null ? null : [];
    private long? _firstBadIndex;
    private string? _problem;

    public void Accept(LedgerRow row, in LeafInspection inspection, ReadOnlySpan<byte> leafHash)
    {
        long position = _frontier.Size;
        _completed?.Clear();
        _frontier.Append(leafHash, _problem is null ? _completed : null);
        if (_problem is not null)
        {
            return; // keep hashing for the report's root, but only the first problem is reported
        }

        if (row.Index > position)
        {
            Fail(position, $"entry {position} is missing: deleted (the next stored entry is {row.Index})");
        }
        else if (row.Index < position)
        {
            Fail(row.Index, $"entry {row.Index} appears again at position {position}: duplicate or extra entry");
        }
        else if (!inspection.Canonical)
        {
            Fail(position, $"entry {position} changed: its content is not canonical JSON");
        }
        else if (!inspection.StoredHashMatches)
        {
            Fail(position, $"entry {position} changed: its content does not match its stored leaf hash");
        }
        else if (inspection.EventIndex is not { } eventIndex)
        {
            Fail(position, $"entry {position} changed: it has no integer \"index\" member");
        }
        else if (eventIndex != position)
        {
            Fail(position, $"entry {position} holds the event of index {eventIndex}: reordered or inserted");
        }
        else
        {
            CheckStoredNodes();
            CompareCheckpoints();
        }
    }

    /// <summary>Compares the checkpoints of the current size (size 0 before any row).</summary>
    public void CompareCheckpoints()
    {
        if (_problem is not null || checkpoints.NextSize != _frontier.Size)
        {
            return;
        }

        long size = _frontier.Size;
        if (checkpoints.CompareAt(size, _frontier.Root()) is not null)
        {
            long from = checkpoints.LastMatchedBelow(size);
            Fail(from, $"entries up to {size} do not match the signed checkpoint of size {size}: "
                + (from == 0 ? "no smaller checkpoint matches, so the change is within entries 0.." : $"the checkpoint of size {from} matches, so the change is within entries {from}..")
                + $"{size - 1}");
        }
    }

    public LedgerVerificationReport Finish()
    {
        long size = _frontier.Size;
        if (_problem is null && checkpoints.LargestSize > size)
        {
            Fail(size, $"log truncated: signed checkpoint covers {checkpoints.LargestSize} entries, only {size} present; first missing index {size}");
        }

        if (_problem is null && checkpoints.Problem is not null)
        {
            _problem = checkpoints.Problem;
        }

        return new LedgerVerificationReport(_problem is null, size, _frontier.Root(), _firstBadIndex, _problem, checkpoints.Count, checkpoints.LargestSize);
    }

    private void CheckStoredNodes()
    {
        if (_completed is null)
        {
            return;
        }

        foreach (var (id, hash) in _completed)
        {
            if (storedNodes!(id) is { } stored && !hash.AsSpan().SequenceEqual(stored))
            {
                Fail(id.FirstLeaf, $"stored tree node (level {id.Level}, index {id.Index}) over entries {id.FirstLeaf}..{id.EndLeaf - 1} "
                    + $"does not match those entries: entries from {id.FirstLeaf} changed since the node was stored");
                return;
            }
        }
    }

    private void Fail(long index, string problem)
    {
        _firstBadIndex = index;
        _problem = problem;
    }
}
