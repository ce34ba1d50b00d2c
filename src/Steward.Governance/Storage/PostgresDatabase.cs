using System.Data;
using System.Data.Common;
using Npgsql;

namespace Steward.Governance.Storage;

/// <summary>PostgreSQL, for several server processes over one database.</summary>
public sealed class PostgresDatabase : StewardDatabase
{
    // Advisory lock key of the ledger sequencer ("STEWARD1" as a big-endian integer).
    private const long SequencerLockKey = 0x5354455741524431;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with the given connection string.</summary>
    public PostgresDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public override string ProviderName => "postgres";

    internal override string BlobType => "BYTEA";

    internal override string ColumnExistsSql =>
        "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column";

    internal override string IndexPrimaryKey => "BIGINT PRIMARY KEY";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    internal override async ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    internal override async ValueTask<DbTransaction> BeginSequencerTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SequencerLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return tx;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
