using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Steward.Governance.Storage;

/// <summary>Embedded SQLite in WAL mode with full fsync on commit: an acknowledged write is durable.</summary>
public sealed class SqliteDatabase : StewardDatabase
{
    private readonly string _connectionString;
    private static readonly object Initialized = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _initialized = [];
    private int _checkpointRunning;

    /// <summary>Opens (creating if needed) the database file.</summary>
    public SqliteDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The database file inside a data directory.</summary>
    public static string FileIn(string dataDirectory) => System.IO.Path.Combine(dataDirectory, "steward.db");

    /// <inheritdoc />
    public override string ProviderName => "sqlite";

    internal override string BlobType => "BLOB";

    internal override string ColumnExistsSql => "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column";

    internal override string IndexPrimaryKey => "INTEGER PRIMARY KEY";

    internal override string WithoutRowId => " WITHOUT ROWID";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Pooled connections keep their native handle, and these settings live on the handle: set them once.
        if (_initialized.TryGetValue(connection.Handle!, out _)) return connection;
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; PRAGMA wal_autocheckpoint=16384; PRAGMA journal_size_limit=67108864;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _initialized.AddOrUpdate(connection.Handle!, Initialized);
        return connection;
    }

    internal override ValueTask<DbTransaction> BeginSequencerTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE takes SQLite's write lock up front: one writer across threads and processes.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>
    /// Copies the write-ahead log into the database file on a background connection (a passive checkpoint
    /// does not block writers), so most of that work leaves the sequencer's commits. SQLite's own
    /// auto-checkpoint still runs inside a commit every 64 MiB of log, finds most frames already copied,
    /// and lets the log restart; <c>journal_size_limit</c> keeps the file at that size.
    /// </summary>
    // A deferred transaction takes its snapshot at the first read and keeps it (write-ahead log mode).
    internal override ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    internal override void OnGroupCommitted()
    {
        if (Interlocked.CompareExchange(ref _checkpointRunning, 1, 0) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await OpenAsync().ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // Busy or closing: the next group tries again, and SQLite's backstop remains.
            }
            finally
            {
                Volatile.Write(ref _checkpointRunning, 0);
            }
        });
    }

    internal override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginSequencerTransactionAsync(connection, cancellationToken);
}
