using System.Data.Common;
using Steward.Governance.Events;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>Buffers rows in a <see cref="DbBatch"/> and sends them in groups: one round trip per group.</summary>
internal sealed class BatchedLedgerRowWriter(DbConnection connection, DbTransaction transaction) : LedgerRowWriter
{
    private const int MaxCommands = 512;
    private DbBatch? _batch;

    public override ValueTask AddEntryAsync(long index, GovernanceEvent evt, byte[] leaf, byte[] leafHash) =>
        AddAsync(InsertEntry, EntryValues(index, evt, leaf, leafHash));

    public override ValueTask AddNodeAsync(NodeId id, byte[] hash) => AddAsync(InsertNode, NodeValues(id, hash));

    public override async ValueTask FlushAsync()
    {
        if (_batch is null) return;
        await using var batch = _batch;
        _batch = null;
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_batch is not null) await _batch.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask AddAsync(string sql, IEnumerable<(string Name, object Value)> values)
    {
        _batch ??= CreateBatch();
        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= MaxCommands) await FlushAsync().ConfigureAwait(false);
    }

    private DbBatch CreateBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
