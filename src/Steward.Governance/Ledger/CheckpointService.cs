using Steward.Governance.Events;
using Steward.Governance.Storage;
using Steward.Ledger.Notes;

namespace Steward.Governance.Ledger;

/// <summary>Signs checkpoints of the current tree head and serves the latest one.</summary>
public sealed class CheckpointService(StewardDatabase db, NoteSigner signer, TimeProvider time)
{
    /// <summary>The checkpoint origin (also the key name).</summary>
    public string Origin => signer.Name;

    /// <summary>The verifier key of the log.</summary>
    public string VerifierKey => signer.VerifierKey;

    /// <summary>
    /// Returns the latest signed checkpoint, first signing one for the current tree head when the tree has
    /// grown since the last checkpoint.
    /// </summary>
    public async Task<SignedCheckpoint> EnsureLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (size, root) = await LedgerQueries.ReadHeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var latest = await ReadLatestAsync(connection, cancellationToken).ConfigureAwait(false);
        if (latest is not null && latest.Size >= size) return latest;

        var note = SignedNote.Sign(new Checkpoint(signer.Name, size, root, []).ToNoteText(), signer);
        await using (var insert = connection.Command(
            "INSERT INTO ledger_checkpoints (size, note, created_at) VALUES (@size, @note, @at) ON CONFLICT DO NOTHING")
            .With("@size", size).With("@note", note).With("@at", Timestamps.Format(time.GetUtcNow())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        // Another process may have signed the same size first; serve what is stored.
        return await ReadLatestAsync(connection, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("checkpoint vanished after insert");
    }

    /// <summary>All stored checkpoints, oldest first (for offline verification and export).</summary>
    public static async Task<List<string>> ReadAllAsync(StewardDatabase db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT note FROM ledger_checkpoints ORDER BY size");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) notes.Add(reader.GetString(0));
        return notes;
    }

    private static async Task<SignedCheckpoint?> ReadLatestAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT size, note, created_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return null;
        return new SignedCheckpoint(reader.GetInt64(0), reader.GetString(1), Timestamps.Parse(reader.GetString(2)));
    }
}

/// <summary>A stored signed checkpoint.</summary>
/// <param name="Size">Tree size.</param>
/// <param name="Note">The signed note text.</param>
/// <param name="CreatedAt">When it was signed.</param>
public sealed record SignedCheckpoint(long Size, string Note, DateTimeOffset CreatedAt);
