using System.Data.Common;
using System.Threading.Channels;
using Steward.Governance.Events;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>
/// The single sequencer of the ledger in this process: appends are queued and committed in groups, one
/// transaction per group under the database's writer lock (SQLite <c>BEGIN IMMEDIATE</c>, PostgreSQL
/// advisory lock), so several processes share one gap-free log. An append completes only after its
/// transaction committed (durable).
/// </summary>
public sealed class LedgerStore : IAsyncDisposable
{
    private readonly StewardDatabase _db;
    private readonly int _maxBatch;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _loop;
    private MerkleFrontier? _frontier;

    /// <summary>Starts the sequencer over a migrated database.</summary>
    public LedgerStore(StewardDatabase db, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = db;
        _maxBatch = Math.Max(1, options.MaxBatch);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Appends an event (and its domain writes); returns its ledger index once durable.</summary>
    public Task<long> AppendAsync(GovernanceEvent evt, LedgerApply? apply = null, CancellationToken cancellationToken = default)
    {
        var pending = new PendingAppend(evt, apply, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(LedgerStore));
        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item.CancellationToken.IsCancellationRequested)
                    item.Completion.TrySetCanceled(item.CancellationToken);
                else
                    batch.Add(item);
            }
            if (batch.Count == 0) continue;
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the sequencer must survive any failure and report it to the callers
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _frontier = null; // reload from the database next time
                foreach (var item in batch) item.Completion.TrySetException(ex);
            }
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        await using var connection = await _db.OpenAsync().ConfigureAwait(false);
        await using var tx = await _db.BeginSequencerTransactionAsync(connection, CancellationToken.None).ConfigureAwait(false);
        var frontier = await LoadFrontierAsync(connection, tx).ConfigureAwait(false);
        var startSize = frontier.Size;

        await using var rows = LedgerRowWriter.Create(connection, tx);
        var completed = new List<(NodeId Id, byte[] Hash)>();
        var results = new List<(PendingAppend Item, long Index)>(batch.Count);
        var failures = new List<(PendingAppend Item, Exception Error)>();
        foreach (var item in batch)
        {
            var index = frontier.Size;
            if (item.Apply is not null)
            {
                await tx.SaveAsync("item").ConfigureAwait(false);
                try
                {
                    await item.Apply(connection, tx, index, item.CancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a failing domain write fails its own entry only
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    await tx.RollbackAsync("item").ConfigureAwait(false);
                    failures.Add((item, ex));
                    continue;
                }
                await tx.ReleaseAsync("item").ConfigureAwait(false);
            }

            var evt = item.Event;
            var leaf = item.Leaf.Render(index);
            var leafHash = MerkleHash.HashLeaf(leaf);
            await rows.AddEntryAsync(index, evt, leaf, leafHash).ConfigureAwait(false);

            completed.Clear();
            frontier.Append(leafHash, completed);
            foreach (var (id, hash) in completed) await rows.AddNodeAsync(id, hash).ConfigureAwait(false);
            results.Add((item, index));
        }

        await rows.FlushAsync().ConfigureAwait(false);
        if (frontier.Size != startSize)
        {
            await using var head = connection.Command("UPDATE ledger_head SET size = @size, root = @root WHERE id = 1", tx)
                .With("@size", frontier.Size).With("@root", frontier.Root());
            await head.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await tx.CommitAsync().ConfigureAwait(false);
        _frontier = frontier;
        _db.OnGroupCommitted();

        foreach (var (item, index) in results) item.Completion.TrySetResult(index);
        foreach (var (item, error) in failures) item.Completion.TrySetException(error);
    }

    private async Task<MerkleFrontier> LoadFrontierAsync(DbConnection connection, DbTransaction tx)
    {
        var (size, root) = await LedgerQueries.ReadHeadAsync(connection, tx, CancellationToken.None).ConfigureAwait(false);
        if (_frontier is { } cached && cached.Size == size && cached.Root().AsSpan().SequenceEqual(root))
            return cached.Clone();

        var ids = MerkleFrontier.RightEdge(size);
        var nodes = await LedgerQueries.ReadNodesAsync(connection, tx, ids, CancellationToken.None).ConfigureAwait(false);
        var loaded = MerkleFrontier.FromRightEdge(size, ids.Select(id => nodes[id]).ToList());
        if (!loaded.Root().AsSpan().SequenceEqual(root))
            throw new InvalidOperationException($"ledger head (size {size}) does not match its stored tree nodes; run 'steward ledger verify'");
        return loaded;
    }

    /// <summary>Stops taking appends and waits for the queued ones.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
