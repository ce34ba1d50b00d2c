using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Governance.Storage;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;
using Steward.Ledger.Verification;

namespace Steward.Governance.Ledger;

/// <summary>
/// Verification and export without a running server: reads the SQLite file of a data directory (read-only)
/// or an export file, and recomputes everything with <see cref="LedgerVerifier"/>.
/// </summary>
public static class OfflineLedger
{
    /// <summary>First line of an export file names its format.</summary>
    public const string ExportFormat = "steward-ledger-export/v1";

    /// <summary>
    /// Verifies the ledger of a data directory against its stored checkpoints (and any extra ones, e.g. from a
    /// git anchor). The log key comes from the directory; the entries from its SQLite file, or from the
    /// PostgreSQL database named by <paramref name="postgresConnection"/>.
    /// </summary>
    public static LedgerVerificationReport VerifyDataDirectory(string dataDirectory, IEnumerable<string>? extraCheckpoints = null, string? postgresConnection = null)
    {
        var key = LedgerSigningKey.ReadVerifier(dataDirectory);
        using var connection = Open(dataDirectory, postgresConnection);
        var checkpoints = ReadCheckpoints(connection).Concat(extraCheckpoints ?? []).ToList();
        // The stored tree levels load on a second connection while the leaves are read. A server may append
        // meanwhile: nodes beyond the leaves read are never asked for, and leaves beyond the nodes loaded
        // simply have no stored node to compare.
        var nodes = Task.Run(() =>
        {
            using var second = Open(dataDirectory, postgresConnection);
            return StoredNodes.Load(second);
        });
        return new LedgerVerifier(key, key.Name).Verify(Prefetch(ReadRows(connection)), checkpoints, id => nodes.GetAwaiter().GetResult().Find(id));
    }

    /// <summary>Verifies an export file; <paramref name="verifierKey"/> pins the log key (otherwise the file's own key is used).</summary>
    public static LedgerVerificationReport VerifyExport(string file, string? verifierKey, IEnumerable<string>? extraCheckpoints = null)
    {
        using var reader = new StreamReader(file, new UTF8Encoding(false, true));
        var header = ReadHeader(reader.ReadLine(), file);
        var key = NoteVerifier.Parse(verifierKey ?? header["verifier_key"]?.GetValue<string>()
            ?? throw new InvalidDataException($"{file}: the header has no verifier_key; pass --key"));
        var checkpoints = (header["checkpoints"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).Concat(extraCheckpoints ?? []).ToList();
        return new LedgerVerifier(key, key.Name).Verify(Prefetch(ReadLines(reader)), checkpoints);
    }

    /// <summary>Writes the whole ledger to an export file (entries as in <see cref="VerifyDataDirectory"/>); returns the number of entries.</summary>
    public static long Export(string dataDirectory, string outputFile, string? postgresConnection = null)
    {
        var key = LedgerSigningKey.ReadVerifier(dataDirectory);
        using var connection = Open(dataDirectory, postgresConnection);
        // One consistent snapshot: checkpoints and entries from the same transaction.
        using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var checkpoints = ReadCheckpoints(connection);
        using var output = new FileStream(outputFile, FileMode.Create, FileAccess.Write);
        var header = new JsonObject
        {
            ["format"] = ExportFormat,
            ["origin"] = key.Name,
            ["verifier_key"] = File.ReadAllText(Path.Combine(dataDirectory, LedgerSigningKey.VerifierFile)).Trim(),
            ["checkpoints"] = new JsonArray(checkpoints.Select(c => (JsonNode)c).ToArray()),
        };
        output.Write(Encoding.UTF8.GetBytes(header.ToJsonString() + "\n"));
        long count = 0;
        foreach (var row in ReadRows(connection))
        {
            output.Write(row.Leaf.Span);
            output.WriteByte((byte)'\n');
            count++;
        }
        output.Flush(flushToDisk: true);
        return count;
    }

    private static DbConnection Open(string dataDirectory, string? postgresConnection)
    {
        if (postgresConnection is not null)
        {
            var postgres = new NpgsqlConnection(postgresConnection);
            postgres.Open();
            return postgres;
        }
        var path = Storage.SqliteDatabase.FileIn(dataDirectory);
        if (!File.Exists(path)) throw new FileNotFoundException($"no Steward database at {path}", path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> ReadCheckpoints(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM ledger_checkpoints ORDER BY size";
        using var reader = command.ExecuteReader();
        var notes = new List<string>();
        while (reader.Read()) notes.Add(reader.GetString(0));
        return notes;
    }

    private static IEnumerable<LedgerRow> ReadRows(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, leaf, leaf_hash FROM ledger_entries ORDER BY idx";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new LedgerRow(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2));
    }

    private static IEnumerable<LedgerRow> ReadLines(StreamReader reader)
    {
        long index = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return new LedgerRow(index++, Encoding.UTF8.GetBytes(line), null);
        }
    }

    /// <summary>
    /// Reads ahead on another thread, so reading the file overlaps hashing (about 1.8 s of each at a million
    /// entries on two cores). Stops the reader when the consumer stops early and rethrows its errors.
    /// </summary>
    private static IEnumerable<LedgerRow> Prefetch(IEnumerable<LedgerRow> source)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<LedgerRow>(boundedCapacity: 16_384);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var row in source) queue.Add(row, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var row in queue.GetConsumingEnumerable()) yield return row;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static JsonObject ReadHeader(string? line, string file)
    {
        try
        {
            if (line is not null && JsonNode.Parse(line) is JsonObject header && header["format"]?.GetValue<string>() == ExportFormat)
                return header;
        }
        catch (JsonException)
        {
        }
        throw new InvalidDataException($"{file} is not a Steward ledger export (first line must be a {ExportFormat} header)");
    }

    /// <summary>Stored tree levels held as flat arrays per level, so a million nodes load fast and small.</summary>
    private sealed class StoredNodes
    {
        private readonly Dictionary<int, (long Count, byte[] Hashes)> _levels = [];

        public static StoredNodes Load(DbConnection connection)
        {
            var nodes = new StoredNodes();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT level, COUNT(*) FROM ledger_nodes GROUP BY level";
            var counts = new List<(int, long)>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) counts.Add((reader.GetInt32(0), reader.GetInt64(1)));
            foreach (var (level, count) in counts)
            {
                var flat = new byte[count * MerkleHash.Size];
                var filled = 0L;
                command.CommandText = "SELECT idx, hash FROM ledger_nodes WHERE level = @level ORDER BY idx";
                command.Parameters.Clear();
                command.With("@level", level);
                using var reader = command.ExecuteReader();
                while (reader.Read() && filled < count)
                {
                    // A gap in stored indices leaves that slot empty (all zero) and shifts nothing: index == position.
                    var idx = reader.GetInt64(0);
                    var hash = (byte[])reader.GetValue(1);
                    if (idx < count && hash.Length == MerkleHash.Size) hash.CopyTo(flat, idx * MerkleHash.Size);
                    filled++;
                }
                nodes._levels[level] = (count, flat);
            }
            return nodes;
        }

        public byte[]? Find(NodeId id)
        {
            if (!_levels.TryGetValue(id.Level, out var level) || id.Index >= level.Count) return null;
            var hash = level.Hashes.AsSpan((int)(id.Index * MerkleHash.Size), MerkleHash.Size);
            return hash.IndexOfAnyExcept((byte)0) < 0 ? null : hash.ToArray();
        }
    }
}
