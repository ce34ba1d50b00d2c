using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Steward.Governance.Storage;

/// <summary>Embedded SQLite in WAL mode with full fsync on commit: an acknowledged write is durable.</summary>
public sealed class SqliteDatabase : StewardDatabase
{
    private readonly string _connectionString;

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

    internal override string IndexPrimaryKey => "INTEGER PRIMARY KEY";

    internal override string WithoutRowId => " WITHOUT ROWID";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    internal override ValueTask<DbTransaction> BeginSequencerTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE takes SQLite's write lock up front: one writer across threads and processes.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    internal override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginSequencerTransactionAsync(connection, cancellationToken);
}
