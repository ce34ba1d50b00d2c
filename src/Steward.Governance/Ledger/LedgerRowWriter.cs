using System.Data.Common;
using Steward.Governance.Events;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>
/// Writes the sequencer's rows (leaves and completed tree nodes) inside its transaction. Providers that
/// support <see cref="DbBatch"/> (PostgreSQL) get many rows per round trip; the others reuse prepared
/// statements (SQLite, where a statement costs no round trip).
/// </summary>
internal abstract class LedgerRowWriter : IAsyncDisposable
{
    protected const string InsertEntry =
        "INSERT INTO ledger_entries (idx, event_id, time, type, subject_kind, subject_id, actor_id, leaf, leaf_hash) " +
        "VALUES (@idx, @event_id, @time, @type, @subject_kind, @subject_id, @actor_id, @leaf, @leaf_hash)";

    protected const string InsertNode = "INSERT INTO ledger_nodes (level, idx, hash) VALUES (@level, @idx, @hash)";

    public static LedgerRowWriter Create(DbConnection connection, DbTransaction transaction) =>
        connection.CanCreateBatch ? new BatchedLedgerRowWriter(connection, transaction) : new PreparedLedgerRowWriter(connection, transaction);

    public abstract ValueTask AddEntryAsync(long index, GovernanceEvent evt, byte[] leaf, byte[] leafHash);

    public abstract ValueTask AddNodeAsync(NodeId id, byte[] hash);

    /// <summary>Sends whatever is buffered; call before commit.</summary>
    public abstract ValueTask FlushAsync();

    public abstract ValueTask DisposeAsync();

    protected static IEnumerable<(string Name, object Value)> EntryValues(long index, GovernanceEvent evt, byte[] leaf, byte[] leafHash) =>
    [
        ("@idx", index), ("@event_id", evt.Id.ToString()), ("@time", Timestamps.Format(evt.Time)), ("@type", evt.Type),
        ("@subject_kind", evt.Subject.Kind), ("@subject_id", evt.Subject.Id), ("@actor_id", evt.Actor.Id),
        ("@leaf", leaf), ("@leaf_hash", leafHash),
    ];

    protected static IEnumerable<(string Name, object Value)> NodeValues(NodeId id, byte[] hash) =>
        [("@level", id.Level), ("@idx", id.Index), ("@hash", hash)];
}
