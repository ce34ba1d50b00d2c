using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// A monitor's data: its reference profile (<c>monitor.reference_set</c>, with the profile's digest) and the profile
/// of its open window, into which each acknowledged batch is folded in one write transaction (the window row is
/// locked while the fold runs, so concurrent batches serialise and none is lost).
/// </summary>
public sealed class MonitorDataStore(StewardDatabase db, LedgerStore ledger, EventFactory events, MonitorStore monitors)
{
    /// <summary>
    /// Sets the reference profile. Every column the definition names must be in it. A window that already holds
    /// batches is discarded (its rows were typed against the old reference) and a new one opens.
    /// </summary>
    public async Task<DriftMonitor> SetReferenceAsync(Actor actor, string id, byte[] profileJson, long rows, IReadOnlyDictionary<string, string> columns,
        string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileJson);
        ArgumentNullException.ThrowIfNull(columns);
        var monitor = await monitors.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(SHA256.HashData(profileJson));
        var data = new JsonObject { ["name"] = monitor.Name, ["sha256"] = sha, ["rows"] = rows, ["columns"] = columns.Count, ["source"] = source };
        var evt = events.Create("monitor.reference_set", new Subject("monitor", id), actor, data, MonitorStore.Refs(monitor.ModelId, monitor.Endpoint));
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            string definition;
            long seq, batches;
            await using (var read = connection.Command(
                "SELECT m.definition, m.window_seq, w.batches FROM drift_monitors m JOIN drift_windows w ON w.monitor_id = m.id AND w.seq = m.window_seq WHERE m.id = @id", tx).With("@id", id))
            await using (var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false)) throw new NotFoundException($"monitor {id} does not exist");
                (definition, seq, batches) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
            }
            if (MonitorRows.MissingFromReference(MonitorRows.ParseSpec(definition), columns).ToList() is { Count: > 0 } missing)
                throw new ValidationFailedException("reference", $"the reference has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} that the monitor names");
            var at = Timestamps.Format(evt.Time);
            if (batches > 0) await OpenNextWindowAsync(connection, tx, id, seq, "discarded", at, ct).ConfigureAwait(false);
            await using var update = connection.Command(
                "UPDATE drift_monitors SET reference_profile = @profile, reference_sha256 = @sha, reference_rows = @rows, reference_columns = @columns, " +
                "reference_at = @at, reference_by = @by, updated_at = @at, ledger_index = @idx WHERE id = @id", tx)
                .With("@profile", profileJson).With("@sha", sha).With("@rows", rows).With("@columns", JsonSerializer.Serialize(columns))
                .With("@at", at).With("@by", actor.Id).With("@idx", idx).With("@id", id);
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await monitors.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reference profile's JSON and digest; a monitor without one is a conflict.</summary>
    public async Task<(byte[] Profile, string Sha256)> ReferenceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT reference_profile, reference_sha256 FROM drift_monitors WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new NotFoundException($"monitor {id} does not exist");
        if (reader.IsDBNull(0)) throw new ConflictException($"monitor {id} has no reference profile yet: set one with PUT /api/v1/monitors/{id}/reference");
        return (reader.Bytes(0), reader.GetString(1));
    }

    /// <summary>
    /// Folds a batch into the open window: <paramref name="fold"/> gets the window's profile (null when empty) and
    /// returns the merged one, which is stored with the row count before the call returns (durable).
    /// </summary>
    public async Task<MonitorWindow> AppendBatchAsync(string id, long rows, Func<byte[]?, byte[]> fold, CancellationToken cancellationToken = default) =>
        await AppendBatchAsync(id, rows, fold, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Folds a batch's profile and, when <paramref name="foldQuality"/> is given, its performance and fairness state (it gets the
    /// stored state, null when none, and returns the new one) into the open window, in one transaction.
    /// </summary>
    public async Task<MonitorWindow> AppendBatchAsync(string id, long rows, Func<byte[]?, byte[]> fold, Func<string?, string?>? foldQuality,
        CancellationToken cancellationToken = default) =>
        (await AppendBatchAsync(id, rows, fold, foldQuality, null, cancellationToken).ConfigureAwait(false)).Window;

    /// <summary>
    /// Folds a batch as above and stores its <paramref name="pending"/> predictions (rows without a label, when the monitor
    /// names an <c>id_column</c>) to wait for their labels, all in one transaction.
    /// </summary>
    public async Task<(MonitorWindow Window, PendingOutcome Pending)> AppendBatchAsync(string id, long rows, Func<byte[]?, byte[]> fold,
        Func<string?, string?>? foldQuality, IReadOnlyList<PendingPrediction>? pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fold);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        var lockRow = db.ProviderName == "postgres" ? " FOR UPDATE" : "";
        long seq, seen;
        byte[]? profile;
        string? quality, definition;
        await using (var read = connection.Command(
            "SELECT w.seq, w.profile, w.quality, w.rows_seen, m.definition FROM drift_monitors m JOIN drift_windows w ON w.monitor_id = m.id AND w.seq = m.window_seq WHERE m.id = @id" + lockRow, tx).With("@id", id))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new NotFoundException($"monitor {id} does not exist");
            seq = reader.GetInt64(0);
            profile = reader.IsDBNull(1) ? null : reader.Bytes(1);
            quality = reader.IsDBNull(2) ? null : reader.GetString(2);
            seen = reader.GetInt64(3);
            definition = reader.GetString(4);
        }
        var merged = fold(profile);
        if (foldQuality is not null) quality = foldQuality(quality);
        await using (var update = connection.Command(
            "UPDATE drift_windows SET profile = @profile, quality = @quality, rows_seen = rows_seen + @rows, batches = batches + 1 WHERE monitor_id = @id AND seq = @seq", tx)
            .With("@profile", merged).With("@quality", quality).With("@rows", rows).With("@id", id).With("@seq", seq))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var outcome = PendingOutcome.None;
        var spec = MonitorRows.ParseSpec(definition);
        if (spec.JoinsLateLabels)
        {
            // Arrival order across windows: the window's number, then its row count before this batch.
            outcome = await PendingRows.AddAsync(connection, tx, spec, id, seq, (seq << 40) + seen, pending ?? [], events.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ((await monitors.GetAsync(id, cancellationToken).ConfigureAwait(false)).CurrentWindow, outcome);
    }

    /// <summary>The monitor, its reference and its open window's profile, read together for a run.</summary>
    public async Task<WindowSnapshot> SnapshotAsync(string id, CancellationToken cancellationToken = default)
    {
        var monitor = await monitors.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var (reference, _) = await ReferenceAsync(id, cancellationToken).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT profile, quality FROM drift_windows WHERE monitor_id = @id AND seq = @seq")
            .With("@id", id).With("@seq", monitor.CurrentWindow.Seq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return new WindowSnapshot(monitor, reference, null);
        return new WindowSnapshot(monitor, reference, reader.IsDBNull(0) ? null : reader.Bytes(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>The profile of one window (null when it received no batch).</summary>
    public async Task<byte[]?> WindowProfileAsync(string id, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT profile FROM drift_windows WHERE monitor_id = @id AND seq = @seq").With("@id", id).With("@seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>Closes window <paramref name="seq"/> with <paramref name="status"/> and opens the next one.</summary>
    internal static async Task OpenNextWindowAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string id, long seq,
        string status, string at, CancellationToken ct)
    {
        await using var close = connection.Command("UPDATE drift_windows SET status = @status, closed_at = @at WHERE monitor_id = @id AND seq = @seq AND status = 'open'", tx)
            .With("@status", status).With("@at", at).With("@id", id).With("@seq", seq);
        if (await close.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1) throw new ConflictException($"window {seq} of monitor {id} is no longer open");
        await using var open = connection.Command(
            "INSERT INTO drift_windows (monitor_id, seq, status, opened_at, closed_at, rows_seen, batches, profile) VALUES (@id, @seq, 'open', @at, NULL, 0, 0, NULL)", tx)
            .With("@id", id).With("@seq", seq + 1).With("@at", at);
        await open.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await using var move = connection.Command("UPDATE drift_monitors SET window_seq = @seq WHERE id = @id", tx).With("@seq", seq + 1).With("@id", id);
        await move.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
