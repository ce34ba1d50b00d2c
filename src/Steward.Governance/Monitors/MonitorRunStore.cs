using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Monitors;

/// <summary>
/// Runs of monitors. Recording a run closes its window and opens the next in the same transaction as the run row;
/// a run that crosses a threshold (dataset drift, or drift of a critical column) commits with its
/// <c>drift.detected</c> ledger entry, so the event exists exactly once per run. A window whose batch count changed
/// since the snapshot, or that another run already closed, is a <see cref="ConflictException"/>.
/// </summary>
public sealed class MonitorRunStore(StewardDatabase db, LedgerStore ledger, EventFactory events, MonitorStore monitors)
{
    private const int TopColumnsInEvent = 5;

    /// <summary>Records a computed run of <paramref name="snapshot"/>'s window.</summary>
    public async Task<MonitorRun> RecordAsync(Actor actor, string trigger, WindowSnapshot snapshot, RunOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcome);
        var monitor = snapshot.Monitor;
        var now = Timestamps.Truncate(events.Time.GetUtcNow());
        var runId = Guid.CreateVersion7(now).ToString();
        var reportSha = Convert.ToHexStringLower(SHA256.HashData(outcome.ReportJson));
        var next = trigger == "schedule" ? MonitorSchedule.Parse(monitor.Schedule).Schedule!.Next(now) : (DateTimeOffset?)null;

        async Task Apply(DbConnection connection, DbTransaction tx, long? idx, CancellationToken ct)
        {
            var window = snapshot.Window;
            // The window row stays locked until the commit (PostgreSQL FOR UPDATE; SQLite has one writer), so no batch or label
            // can land between this check and the window's closing.
            await using (var check = connection.Command(
                "SELECT seq FROM drift_windows WHERE monitor_id = @id AND seq = @seq AND status = 'open' AND batches = @batches AND COALESCE(quality, '') = @quality" +
                (db.ProviderName == "postgres" ? " FOR UPDATE" : ""), tx)
                .With("@id", monitor.Id).With("@seq", window.Seq).With("@batches", window.Batches).With("@quality", snapshot.WindowQuality ?? ""))
            {
                if (await check.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
                    throw new ConflictException($"window {window.Seq} of monitor {monitor.Id} changed (a batch or labels) or closed while the run computed");
            }
            var at = Timestamps.Format(now);
            await MonitorDataStore.OpenNextWindowAsync(connection, tx, monitor.Id, window.Seq, "closed", at, ct).ConfigureAwait(false);
            if (next is { } n)
            {
                await using var schedule = connection.Command("UPDATE drift_monitors SET next_run_at = @next WHERE id = @id", tx)
                    .With("@next", Timestamps.Format(n)).With("@id", monitor.Id);
                await schedule.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await using var insert = connection.Command(
                "INSERT INTO drift_runs (id, monitor_id, window_seq, trigger_kind, status, run_at, window_opened_at, rows_seen, share_drifted, drifted_columns, " +
                "number_of_columns, top_columns, report, report_sha256, run_by, ledger_index) VALUES (@id, @monitor, @seq, @trigger, @status, @at, @opened, @rows, " +
                "@share, @drifted, @columns, @top, @report, @sha, @by, @idx)", tx)
                .With("@id", runId).With("@monitor", monitor.Id).With("@seq", window.Seq).With("@trigger", trigger).With("@status", outcome.Status)
                .With("@at", at).With("@opened", Timestamps.Format(window.OpenedAt)).With("@rows", window.Rows)
                .With("@share", outcome.ShareOfDriftedColumns).With("@drifted", outcome.NumberOfDriftedColumns).With("@columns", outcome.NumberOfColumns)
                .With("@top", JsonSerializer.Serialize(outcome.TopColumns)).With("@report", System.Text.Encoding.UTF8.GetString(outcome.ReportJson))
                .With("@sha", reportSha).With("@by", actor.Id).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        if (outcome.RaisesEvent)
        {
            var data = new JsonObject
            {
                ["monitor_id"] = monitor.Id, ["monitor"] = monitor.Name, ["model_id"] = monitor.ModelId, ["endpoint"] = monitor.Endpoint,
                ["run_id"] = runId, ["trigger"] = trigger, ["window_seq"] = snapshot.Window.Seq,
                ["window_start"] = Timestamps.Format(snapshot.Window.OpenedAt), ["window_end"] = Timestamps.Format(now), ["rows"] = snapshot.Window.Rows,
                ["dataset_drift"] = outcome.DatasetDrift, ["share_of_drifted_columns"] = outcome.ShareOfDriftedColumns,
                ["number_of_drifted_columns"] = outcome.NumberOfDriftedColumns, ["number_of_columns"] = outcome.NumberOfColumns,
                ["drift_share"] = monitor.DriftShare,
                ["top_drifted_columns"] = new JsonArray([.. outcome.TopColumns.Take(TopColumnsInEvent).Select(c => JsonValue.Create(c))]),
                ["critical_columns"] = new JsonArray([.. outcome.CriticalColumns.Select(c => JsonValue.Create(c))]),
                ["performance_breaches"] = new JsonArray([.. (outcome.PerformanceBreaches ?? []).Select(c => JsonValue.Create(c))]),
                ["report_sha256"] = reportSha,
            };
            var evt = events.Create("drift.detected", new Subject("monitor", monitor.Id), actor, data, MonitorStore.Refs(monitor.ModelId, monitor.Endpoint));
            await ledger.AppendAsync(evt, (connection, tx, idx, ct) => Apply(connection, tx, idx, ct), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = await db.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await Apply(connection, tx, null, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return await GetAsync(monitor.Id, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run with its latest report: the run's own, or the latest revision late labels made (<see cref="MonitorRun.Revision"/>).</summary>
    public async Task<MonitorRun> GetAsync(string monitorId, string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {MonitorRows.RunColumns}, COALESCE(v.report, r.report), COALESCE(v.report_sha256, r.report_sha256), COALESCE(v.revision, 0) FROM drift_runs r " +
            "LEFT JOIN drift_run_revisions v ON v.run_id = r.id AND v.revision = (SELECT MAX(v2.revision) FROM drift_run_revisions v2 WHERE v2.run_id = r.id) " +
            "WHERE r.id = @id AND r.monitor_id = @monitor")
            .With("@id", runId).With("@monitor", monitorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? MonitorRows.ReadRun(reader, 0, withReport: true) with { ReportSha256 = reader.GetString(16), Revision = reader.GetInt32(17) }
            : throw new NotFoundException($"run {runId} of monitor {monitorId} does not exist");
    }

    /// <summary>The run of one window, if it ran.</summary>
    public async Task<MonitorRun?> FindByWindowAsync(string monitorId, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {MonitorRows.RunColumns}, r.report FROM drift_runs r WHERE r.monitor_id = @monitor AND r.window_seq = @seq")
            .With("@monitor", monitorId).With("@seq", seq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? MonitorRows.ReadRun(reader, 0, withReport: true) : null;
    }

    /// <summary>A monitor's runs, newest first (without reports).</summary>
    public async Task<Page<MonitorRun>> ListAsync(string monitorId, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        await monitors.GetAsync(monitorId, cancellationToken).ConfigureAwait(false);
        var take = Cursor.Limit(limit);
        var before = Cursor.DecodeLong(cursor) ?? long.MaxValue;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {MonitorRows.RunColumns} FROM drift_runs r WHERE r.monitor_id = @monitor AND r.window_seq < @before ORDER BY r.window_seq DESC LIMIT @limit")
            .With("@monitor", monitorId).With("@before", before).With("@limit", take + 1);
        var items = new List<MonitorRun>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(MonitorRows.ReadRun(reader, 0, withReport: false));
        }
        var more = items.Count > take;
        if (more) items.RemoveAt(items.Count - 1);
        return new Page<MonitorRun>(items, more ? Cursor.Encode(items[^1].WindowSeq) : null);
    }

    /// <summary>Monitors due to run at <paramref name="now"/>: a reference is set and the schedule's time came or the open window outlived the window length.</summary>
    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT m.id, m.next_run_at, m.definition, w.opened_at, m.reference_sha256 FROM drift_monitors m " +
            "JOIN drift_windows w ON w.monitor_id = m.id AND w.seq = m.window_seq ORDER BY m.next_run_at");
        var due = new List<string>();
        var idle = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var scheduled = Timestamps.Parse(reader.GetString(1)) <= now;
                var expired = Timestamps.Parse(reader.GetString(3)).AddSeconds(MonitorRows.ParseSpec(reader.GetString(2)).WindowSeconds) <= now;
                if (!scheduled && !expired) continue;
                (reader.IsDBNull(4) ? idle : due).Add(reader.GetString(0));
            }
        }
        // A monitor without a reference has nothing to compare: its schedule moves on.
        foreach (var id in idle) await SkipAsync(connection, id, now, cancellationToken).ConfigureAwait(false);
        return due;
    }

    private static async Task SkipAsync(DbConnection connection, string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var read = connection.Command("SELECT definition FROM drift_monitors WHERE id = @id").With("@id", id);
        if (await read.ExecuteScalarAsync(ct).ConfigureAwait(false) is not string definition) return;
        var next = MonitorSchedule.Parse(MonitorRows.ParseSpec(definition).Schedule).Schedule!.Next(now);
        await using var update = connection.Command("UPDATE drift_monitors SET next_run_at = @next WHERE id = @id AND reference_sha256 IS NULL")
            .With("@next", Timestamps.Format(next)).With("@id", id);
        await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
