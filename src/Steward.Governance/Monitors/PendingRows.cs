using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// The writes on <c>drift_label_rows</c> and <c>drift_label_counts</c> that run inside a caller's write transaction:
/// storing a batch's unlabelled predictions, expiring those past their TTL, dropping the oldest beyond the bound.
/// </summary>
internal static class PendingRows
{
    private const int RowsPerInsert = 200;

    /// <summary>Stores <paramref name="rows"/> of window <paramref name="seq"/> (first wins on a known id), then expires and bounds.</summary>
    public static async Task<PendingOutcome> AddAsync(DbConnection connection, DbTransaction tx, MonitorSpec spec, string monitorId, long seq, long arrivalBase,
        IReadOnlyList<PendingPrediction> rows, DateTimeOffset now, CancellationToken ct)
    {
        var expired = await SweepAsync(connection, tx, monitorId, now, ct).ConfigureAwait(false);
        var ttl = spec.LabelTtlSeconds ?? LateLabels.DefaultTtlSeconds;
        var at = Timestamps.Format(now);
        var expires = Timestamps.Format(now.AddSeconds(ttl));
        var purge = Timestamps.Format(now.AddSeconds(2 * ttl));
        var stored = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? await InsertOneByOneAsync(connection, tx, monitorId, seq, arrivalBase, rows, (at, expires, purge), ct).ConfigureAwait(false)
            : await InsertInChunksAsync(connection, tx, monitorId, seq, arrivalBase, rows, (at, expires, purge), ct).ConfigureAwait(false);
        var pending = await CountsAsync(connection, tx, monitorId, ct).ConfigureAwait(false) + stored;
        long dropped = 0;
        var max = spec.MaxPendingLabels ?? LateLabels.DefaultMaxPending;
        if (pending > max)
        {
            await using var drop = connection.Command(
                "UPDATE drift_label_rows SET state = 'dropped', prediction = NULL, score = NULL, groups = NULL WHERE monitor_id = @m AND row_id IN " +
                "(SELECT row_id FROM drift_label_rows WHERE monitor_id = @m AND state = 'pending' ORDER BY arrival LIMIT @n)", tx)
                .With("@m", monitorId).With("@n", pending - max);
            dropped = await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await AddCountsAsync(connection, tx, monitorId, ct, ("pending", stored - dropped), ("dropped", dropped)).ConfigureAwait(false);
        return new PendingOutcome(stored, rows.Count - stored, dropped, expired, pending - dropped);
    }

    private const string Insert = "INSERT INTO drift_label_rows (monitor_id, row_id, window_seq, arrival, state, received_at, expires_at, purge_at, prediction, score, groups) VALUES ";

    private static string? Groups(PendingPrediction row) => row.Groups is { Count: > 0 } g ? JsonSerializer.Serialize(g) : null;

    // SQLite (in-process): one prepared statement, its parameters rebound per row, is fastest.
    private static async Task<long> InsertOneByOneAsync(DbConnection connection, DbTransaction tx, string monitorId, long seq, long arrivalBase,
        IReadOnlyList<PendingPrediction> rows, (string At, string Expires, string Purge) times, CancellationToken ct)
    {
        await using var insert = connection.Command(Insert + "(@m, @r, @s, @a, 'pending', @at, @exp, @purge, @p, @sc, @g) ON CONFLICT (monitor_id, row_id) DO NOTHING", tx)
            .With("@m", monitorId).With("@s", seq).With("@at", times.At).With("@exp", times.Expires).With("@purge", times.Purge)
            .With("@r", "").With("@a", 0L).With("@p", "").With("@sc", null).With("@g", null);
        var (r, a, p, sc, g) = (insert.Parameters["@r"], insert.Parameters["@a"], insert.Parameters["@p"], insert.Parameters["@sc"], insert.Parameters["@g"]);
        await insert.PrepareAsync(ct).ConfigureAwait(false);
        long stored = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            (r.Value, a.Value, p.Value, sc.Value, g.Value) = (row.RowId, arrivalBase + i, row.Prediction, (object?)row.Score ?? DBNull.Value, (object?)Groups(row) ?? DBNull.Value);
            stored += await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return stored;
    }

    // PostgreSQL (a round trip per statement): multi-row inserts.
    private static async Task<long> InsertInChunksAsync(DbConnection connection, DbTransaction tx, string monitorId, long seq, long arrivalBase,
        IReadOnlyList<PendingPrediction> rows, (string At, string Expires, string Purge) times, CancellationToken ct)
    {
        long stored = 0;
        for (var start = 0; start < rows.Count; start += RowsPerInsert)
        {
            var count = Math.Min(RowsPerInsert, rows.Count - start);
            var sql = new StringBuilder(Insert);
            for (var i = 0; i < count; i++)
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@m, @r{i}, @s, @a{i}, 'pending', @at, @exp, @purge, @p{i}, @sc{i}, @g{i})");
            sql.Append(" ON CONFLICT (monitor_id, row_id) DO NOTHING");
            await using var insert = connection.Command(sql.ToString(), tx).With("@m", monitorId).With("@s", seq).With("@at", times.At).With("@exp", times.Expires).With("@purge", times.Purge);
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                insert.With($"@r{i}", row.RowId).With($"@a{i}", arrivalBase + start + i).With($"@p{i}", row.Prediction).With($"@sc{i}", row.Score).With($"@g{i}", Groups(row));
            }
            stored += await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return stored;
    }

    /// <summary>Expires waiting predictions past their TTL (counted), then deletes rows past their purge time (one more TTL).</summary>
    public static async Task<long> SweepAsync(DbConnection connection, DbTransaction tx, string monitorId, DateTimeOffset now, CancellationToken ct)
    {
        var at = Timestamps.Format(now);
        await using var expire = connection.Command(
            "UPDATE drift_label_rows SET state = 'expired', prediction = NULL, score = NULL, groups = NULL WHERE monitor_id = @m AND state = 'pending' AND expires_at <= @now", tx)
            .With("@m", monitorId).With("@now", at);
        var expired = await expire.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (expired > 0) await AddCountsAsync(connection, tx, monitorId, ct, ("pending", -expired), ("expired", expired)).ConfigureAwait(false);
        // Expired first, so that a prediction whose purge time also passed is counted before it goes.
        await using (var purge = connection.Command("DELETE FROM drift_label_rows WHERE monitor_id = @m AND purge_at <= @now", tx).With("@m", monitorId).With("@now", at))
            await purge.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return expired;
    }

    /// <summary>The monitor's waiting predictions (its counts row is created when missing).</summary>
    public static async Task<long> CountsAsync(DbConnection connection, DbTransaction tx, string monitorId, CancellationToken ct)
    {
        await using (var ensure = connection.Command(
            "INSERT INTO drift_label_counts (monitor_id, pending, matched, expired, dropped, duplicate_labels, unknown_labels) VALUES (@m, 0, 0, 0, 0, 0, 0) " +
            "ON CONFLICT (monitor_id) DO NOTHING", tx).With("@m", monitorId))
            await ensure.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await using var read = connection.Command("SELECT pending FROM drift_label_counts WHERE monitor_id = @m", tx).With("@m", monitorId);
        return Convert.ToInt64(await read.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds deltas to named counters (names are this class's constants, never input).</summary>
    public static async Task AddCountsAsync(DbConnection connection, DbTransaction tx, string monitorId, CancellationToken ct, params (string Column, long Delta)[] deltas)
    {
        await CountsAsync(connection, tx, monitorId, ct).ConfigureAwait(false);
        var set = string.Join(", ", deltas.Select((d, i) => $"{d.Column} = {d.Column} + @d{i}"));
        await using var update = connection.Command($"UPDATE drift_label_counts SET {set} WHERE monitor_id = @m", tx).With("@m", monitorId);
        for (var i = 0; i < deltas.Length; i++) update.With($"@d{i}", deltas[i].Delta);
        await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
