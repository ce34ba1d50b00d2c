using System.Data.Common;
using Steward.Governance.Events;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>One reused prepared statement per row kind, executed per row.</summary>
internal sealed class PreparedLedgerRowWriter : LedgerRowWriter
{
    private readonly DbCommand _entry;
    private readonly DbCommand _node;

    public PreparedLedgerRowWriter(DbConnection connection, DbTransaction transaction)
    {
        _entry = connection.Command(InsertEntry, transaction);
        foreach (var (name, _) in EntryValues(0, Placeholder, [], [])) _entry.With(name, null);
        _node = connection.Command(InsertNode, transaction);
        foreach (var (name, _) in NodeValues(default, [])) _node.With(name, null);
    }

    private static GovernanceEvent Placeholder { get; } =
        new(Guid.Empty, default, "", new Subject("", ""), new Actor("", ""), [], new Dictionary<string, string>());

    public override async ValueTask AddEntryAsync(long index, GovernanceEvent evt, byte[] leaf, byte[] leafHash)
    {
        foreach (var (name, value) in EntryValues(index, evt, leaf, leafHash)) _entry.Set(name, value);
        await _entry.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public override async ValueTask AddNodeAsync(NodeId id, byte[] hash)
    {
        foreach (var (name, value) in NodeValues(id, hash)) _node.Set(name, value);
        await _node.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public override ValueTask FlushAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await _entry.DisposeAsync().ConfigureAwait(false);
        await _node.DisposeAsync().ConfigureAwait(false);
    }
}
