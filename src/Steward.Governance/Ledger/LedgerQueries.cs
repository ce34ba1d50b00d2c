using System.Data.Common;
using System.Text;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Ledger;

/// <summary>The ledger's explicit SQL shared by the sequencer and the readers.</summary>
internal static class LedgerQueries
{
    public static async Task<(long Size, byte[] Root)> ReadHeadAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using (var command = connection.Command("SELECT size, root FROM ledger_head WHERE id = 1", tx))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
                return (reader.GetInt64(0), reader.Bytes(1));
        }
        if (tx is null) return (0, MerkleHash.EmptyRoot());
        await using var insert = connection.Command("INSERT INTO ledger_head (id, size, root) VALUES (1, 0, @root) ON CONFLICT DO NOTHING", tx)
            .With("@root", MerkleHash.EmptyRoot());
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return (0, MerkleHash.EmptyRoot());
    }

    /// <summary>Reads perfect nodes by id in one query per kind (leaf hashes live in ledger_entries).</summary>
    public static async Task<Dictionary<NodeId, byte[]>> ReadNodesAsync(DbConnection connection, DbTransaction? tx, IEnumerable<NodeId> ids, CancellationToken ct)
    {
        var result = new Dictionary<NodeId, byte[]>();
        var distinct = ids.Distinct().ToList();
        var leaves = distinct.Where(n => n.Level == 0).ToList();
        var inner = distinct.Where(n => n.Level > 0).ToList();
        if (leaves.Count > 0)
        {
            var sql = new StringBuilder("SELECT idx, leaf_hash FROM ledger_entries WHERE idx IN (");
            await using var command = connection.Command("", tx);
            for (var i = 0; i < leaves.Count; i++)
            {
                sql.Append(i == 0 ? "" : ",").Append("@i").Append(i);
                command.With($"@i{i}", leaves[i].Index);
            }
            command.CommandText = sql.Append(')').ToString();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                result[new NodeId(0, reader.GetInt64(0))] = reader.Bytes(1);
        }
        if (inner.Count > 0)
        {
            var sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE ");
            await using var command = connection.Command("", tx);
            for (var i = 0; i < inner.Count; i++)
            {
                sql.Append(i == 0 ? "" : " OR ").Append($"(level = @l{i} AND idx = @i{i})");
                command.With($"@l{i}", inner[i].Level).With($"@i{i}", inner[i].Index);
            }
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                result[new NodeId(reader.GetInt32(0), reader.GetInt64(1))] = reader.Bytes(2);
        }
        if (distinct.Count != result.Count)
        {
            var missing = distinct.First(id => !result.ContainsKey(id));
            throw new InvalidOperationException($"ledger node {missing} is missing from storage; run 'steward ledger verify'");
        }
        return result;
    }
}
