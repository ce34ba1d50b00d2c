using System.Data;
using System.Data.Common;

namespace Steward.Governance.Storage;

/// <summary>One relational store (SQLite or PostgreSQL) behind one contract.</summary>
public abstract class StewardDatabase : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string ProviderName { get; }

    /// <summary>SQL type of byte strings in this dialect.</summary>
    internal abstract string BlobType { get; }

    /// <summary>Column definition of the ledger index (SQLite: the rowid itself, saving a B-tree).</summary>
    internal abstract string IndexPrimaryKey { get; }

    /// <summary>Table suffix for clustered composite keys (SQLite <c>WITHOUT ROWID</c>).</summary>
    internal virtual string WithoutRowId => "";

    /// <summary>A query counting the columns named <c>@column</c> of table <c>@table</c>.</summary>
    internal abstract string ColumnExistsSql { get; }

    /// <summary>Opens a connection ready for use.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins the transaction of the single ledger sequencer: once it returns, no other writer (thread or
    /// process) can append until it ends.
    /// </summary>
    internal abstract ValueTask<DbTransaction> BeginSequencerTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Called by the sequencer after each committed group (housekeeping hook; default: nothing).</summary>
    internal virtual void OnGroupCommitted()
    {
    }

    /// <summary>Begins an ordinary write transaction.</summary>
    internal virtual async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>Begins a read-only transaction that sees one consistent snapshot of the database.</summary>
    internal abstract ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates or upgrades the schema.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSequencerTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var statement in Schema.Statements(this))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var (table, column, definition) in Schema.AddedColumns)
        {
            await using var probe = connection.CreateCommand();
            probe.Transaction = tx;
            probe.CommandText = ColumnExistsSql;
            probe.With("@table", table).With("@column", column);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
                continue;
            await using var alter = connection.CreateCommand();
            alter.Transaction = tx;
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
            await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
