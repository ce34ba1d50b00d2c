using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// Late labels: reads the stored predictions a labels post names and the windows they belong to, then applies the
/// post's plan in one transaction — predictions marked labelled, each window's quality state swapped (only if it is
/// still what the plan read), run-report revisions inserted and counts moved — with one ledger entry when a revision
/// was made (<c>performance.degraded</c> when a window first crosses a performance threshold, else
/// <c>monitor.labels_applied</c>). Anything changed meanwhile is a <see cref="ConflictException"/>: plan again.
/// </summary>
public sealed class MonitorLabelStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const int IdsPerQuery = 500;

    /// <summary>The stored predictions of <paramref name="ids"/> (those not found are absent).</summary>
    public async Task<Dictionary<string, PendingLabelRow>> FindAsync(string monitorId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, PendingLabelRow>(StringComparer.Ordinal);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            await using var command = connection.Command(
                $"SELECT row_id, window_seq, state, expires_at, prediction, score, groups FROM drift_label_rows WHERE monitor_id = @m AND row_id IN ({Params(chunk.Length)})")
                .With("@m", monitorId);
            for (var i = 0; i < chunk.Length; i++) command.With($"@i{i}", chunk[i]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var groups = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6));
                found[reader.GetString(0)] = new PendingLabelRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Timestamps.Parse(reader.GetString(3)),
                    reader.StringOrNull(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), groups);
            }
        }
        return found;
    }

    /// <summary>Window <paramref name="seq"/> with its quality state, waiting predictions and run (with its latest report revision).</summary>
    public async Task<LabelWindow> WindowAsync(string monitorId, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        string status;
        string? quality;
        await using (var read = connection.Command("SELECT status, quality FROM drift_windows WHERE monitor_id = @m AND seq = @s").With("@m", monitorId).With("@s", seq))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new NotFoundException($"window {seq} of monitor {monitorId} does not exist");
            (status, quality) = (reader.GetString(0), reader.StringOrNull(1));
        }
        await using var count = connection.Command("SELECT COUNT(*) FROM drift_label_rows WHERE monitor_id = @m AND window_seq = @s AND state = 'pending'")
            .With("@m", monitorId).With("@s", seq);
        var pending = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var (run, revision) = await RunRevisions.LatestAsync(connection, monitorId, seq, cancellationToken).ConfigureAwait(false);
        return new LabelWindow(seq, status, quality, pending, run, revision);
    }

    /// <summary>The monitor's counts (zeros before its first waiting prediction).</summary>
    public async Task<LabelCounts> CountsAsync(string monitorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT pending, matched, expired, dropped, duplicate_labels, unknown_labels, last_label_at FROM drift_label_counts WHERE monitor_id = @m").With("@m", monitorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return new LabelCounts(0, 0, 0, 0, 0, 0, null);
        return new LabelCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.IsDBNull(6) ? null : Timestamps.Parse(reader.GetString(6)));
    }

    /// <summary>Applies <paramref name="plan"/>; returns the ledger entry's index when one was written.</summary>
    public async Task<long?> ApplyAsync(Actor actor, LabelPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(plan);
        var monitor = plan.Monitor;
        var revisions = plan.Windows.Where(w => w.Revision is not null).ToList();

        async Task Apply(DbConnection connection, DbTransaction tx, long? idx, CancellationToken ct)
        {
            var at = Timestamps.Format(plan.Now);
            // Windows first (ascending), then predictions, then counts: the order batches and runs lock in, so concurrent writers never deadlock.
            foreach (var window in plan.Windows)
            {
                await using var swap = connection.Command(
                    "UPDATE drift_windows SET quality = @new WHERE monitor_id = @m AND seq = @s AND status = @status AND COALESCE(quality, '') = @old", tx)
                    .With("@new", window.NewQuality).With("@m", monitor.Id).With("@s", window.Seq).With("@status", window.ExpectedStatus).With("@old", window.ExpectedQuality ?? "");
                if (await swap.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                    throw new ConflictException($"window {window.Seq} of monitor {monitor.Id} changed while the labels were joined");
                if (window.Revision is { } r) await RunRevisions.InsertAsync(connection, tx, monitor.Id, window.Seq, r, at, idx!.Value, ct).ConfigureAwait(false);
            }
            await PendingRows.SweepAsync(connection, tx, monitor.Id, plan.Now, ct).ConfigureAwait(false); // the plan counted these as expired already
            foreach (var chunk in plan.Matched.Chunk(IdsPerQuery))
            {
                await using var mark = connection.Command(
                    $"UPDATE drift_label_rows SET state = 'labelled', labelled_at = @at, prediction = NULL, score = NULL, groups = NULL " +
                    $"WHERE monitor_id = @m AND state = 'pending' AND row_id IN ({Params(chunk.Length)})", tx).With("@m", monitor.Id).With("@at", at);
                for (var i = 0; i < chunk.Length; i++) mark.With($"@i{i}", chunk[i]);
                if (await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != chunk.Length)
                    throw new ConflictException($"predictions of monitor {monitor.Id} changed while the labels were joined");
            }
            await PendingRows.AddCountsAsync(connection, tx, monitor.Id, ct, ("pending", -plan.Matched.Count), ("matched", plan.Matched.Count),
                ("duplicate_labels", plan.Duplicates), ("unknown_labels", plan.Unknown)).ConfigureAwait(false);
            await using var last = connection.Command("UPDATE drift_label_counts SET last_label_at = @at WHERE monitor_id = @m", tx).With("@at", at).With("@m", monitor.Id);
            await last.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        if (revisions.Count > 0)
        {
            var evt = events.Create(revisions.Any(w => w.Revision!.Degraded) ? "performance.degraded" : "monitor.labels_applied",
                new Subject("monitor", monitor.Id), actor, EventData(plan, revisions), MonitorStore.Refs(monitor.ModelId, monitor.Endpoint));
            return await ledger.AppendAsync(evt, (connection, tx, idx, ct) => Apply(connection, tx, idx, ct), cancellationToken).ConfigureAwait(false);
        }
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await Apply(connection, tx, null, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static JsonObject EventData(LabelPlan plan, List<WindowLabelUpdate> revised)
    {
        var monitor = plan.Monitor;
        var windows = new JsonArray();
        foreach (var w in revised)
        {
            var r = w.Revision!;
            windows.Add(new JsonObject
            {
                ["window_seq"] = w.Seq, ["run_id"] = r.RunId, ["revision"] = r.Revision, ["labels_matched"] = r.LabelsMatched, ["report_sha256"] = r.ReportSha256,
                ["previous_report_sha256"] = r.PreviousSha256, ["degraded"] = r.Degraded,
                ["performance_breaches"] = new JsonArray([.. r.Breaches.Select(b => JsonValue.Create(b))]),
            });
        }
        return new JsonObject
        {
            ["monitor_id"] = monitor.Id, ["monitor"] = monitor.Name, ["model_id"] = monitor.ModelId, ["endpoint"] = monitor.Endpoint,
            ["labels_matched"] = plan.Matched.Count, ["windows"] = windows,
        };
    }

    private static string Params(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"@i{i}");
        return text.ToString();
    }
}
