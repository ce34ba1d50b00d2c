using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;
using Steward.Pii;
using Steward.Pii.Scanning;

namespace Steward.Governance.PiiScans;

/// <summary>
/// PII scans of datasets. A result is accepted only for the dataset's registered digest: the report's SHA-256 of
/// the scanned file must equal the dataset's <c>sha256</c>, and the verdict is decided again here from the
/// report's counts and rule (a report claiming a pass its counts do not support is refused). The result is
/// stored in the same transaction as its <c>dataset.pii_scanned</c> ledger entry (dataset digest, report digest,
/// verdict, rule, submitter).
/// </summary>
public sealed class PiiScanStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const string Columns = "id, dataset_id, status, source, submitted_by, submitted_at, completed_at, bytes_read, bytes_total, " +
        "dataset_sha256, report_sha256, verdict, rule, error, ledger_index";

    /// <summary>Queues a scan of an uploaded file (status <c>queued</c>); the dataset must exist and have a registered digest.</summary>
    public async Task<PiiScan> QueueUploadAsync(Actor actor, string datasetId, long bytesTotal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await RegisteredDigestAsync(connection, null, datasetId, cancellationToken).ConfigureAwait(false);
        var now = events.Time.GetUtcNow();
        var scan = new PiiScan(Guid.CreateVersion7(now).ToString(), datasetId, "queued", "upload", actor.Id, now, null, 0, bytesTotal,
            null, null, null, null, null, null, null);
        await using var insert = connection.Command(
            $"INSERT INTO pii_scans ({Columns}) VALUES (@id, @ds, 'queued', 'upload', @by, @at, NULL, 0, @total, NULL, NULL, NULL, NULL, NULL, NULL)")
            .With("@id", scan.Id).With("@ds", datasetId).With("@by", actor.Id).With("@at", Timestamps.Format(now)).With("@total", bytesTotal);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return scan;
    }

    /// <summary>Records progress of a queued or running upload scan.</summary>
    public async Task ProgressAsync(string scanId, long bytesRead, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command("UPDATE pii_scans SET status = 'running', bytes_read = @read WHERE id = @id AND status IN ('queued', 'running')")
            .With("@read", bytesRead).With("@id", scanId);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks an upload scan failed (nothing is recorded in the ledger: there is no result).</summary>
    public async Task FailAsync(string scanId, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command("UPDATE pii_scans SET status = 'failed', error = @error, completed_at = @at WHERE id = @id AND status IN ('queued', 'running')")
            .With("@error", error.Length > 2000 ? error[..2000] : error).With("@at", Timestamps.Format(events.Time.GetUtcNow())).With("@id", scanId);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks scans left queued or running by a stopped server as failed.</summary>
    public async Task FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command("UPDATE pii_scans SET status = 'failed', error = 'interrupted: the server stopped before the scan finished', completed_at = @at WHERE status IN ('queued', 'running')")
            .With("@at", Timestamps.Format(events.Time.GetUtcNow()));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the result of an upload scan; a file whose digest is not the dataset's is recorded as failed.</summary>
    public async Task<PiiScan> CompleteUploadAsync(Actor actor, string scanId, ScanReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var queued = await FindAsync(scanId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"PII scan {scanId} does not exist");
        try
        {
            return await RecordAsync(actor, queued.DatasetId, scanId, "upload", report, cancellationToken).ConfigureAwait(false);
        }
        catch (ValidationFailedException e)
        {
            await FailAsync(scanId, string.Join("; ", e.Errors.SelectMany(kv => kv.Value)), cancellationToken).ConfigureAwait(false);
            return await GetAsync(queued.DatasetId, scanId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a report from a local scan (<c>steward pii scan FILE --dataset ID</c>).</summary>
    public async Task<PiiScan> SubmitReportAsync(Actor actor, string datasetId, ReadOnlyMemory<byte> reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ScanReport report;
        try
        {
            report = ScanReportJson.Deserialize(reportJson.Span);
            if (report.Rule is null || report.Verdict is null || report.Columns is null || report.Sha256 is null) throw new PiiRequestException("the report lacks its rule, verdict, columns or sha256");
            report.Rule.Validate();
        }
        catch (PiiRequestException e)
        {
            throw new ValidationFailedException("report", e.Message);
        }
        var now = events.Time.GetUtcNow();
        return await RecordAsync(actor, datasetId, Guid.CreateVersion7(now).ToString(), "report", report, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PiiScan> RecordAsync(Actor actor, string datasetId, string scanId, string source, ScanReport report, CancellationToken ct)
    {
        var verdict = report.Rule.Evaluate(report);
        if (source == "report" && verdict.Passed != report.Verdict.Passed)
            throw new ValidationFailedException("verdict", $"the report says {(report.Verdict.Passed ? "pass" : "fail")} but its counts under its rule say {(verdict.Passed ? "pass" : "fail")}");
        var stored = report with { Verdict = verdict };
        var json = ScanReportJson.Serialize(stored);
        var reportSha = Convert.ToHexStringLower(SHA256.HashData(json));
        var rule = new JsonObject
        {
            ["fail_on"] = new JsonArray([.. stored.Rule.FailOn.Select(f => JsonValue.Create(f))]),
            ["min_score"] = stored.Rule.MinScore,
            ["max_rows_per_column"] = stored.Rule.MaxRowsPerColumn,
        };
        var verdictText = verdict.Passed ? "pass" : "fail";
        var data = new JsonObject
        {
            ["scan_id"] = scanId, ["source"] = source, ["dataset_sha256"] = stored.Sha256, ["report_sha256"] = reportSha,
            ["verdict"] = verdictText, ["rule"] = rule.DeepClone(), ["rows"] = stored.Rows, ["rows_affected"] = stored.RowsAffected,
            ["rows_skipped"] = stored.RowsSkipped, ["complete"] = stored.Complete,
        };
        var evt = events.Create("dataset.pii_scanned", new Subject("dataset", datasetId), actor, data);
        await ledger.AppendAsync(evt, async (connection, tx, idx, token) =>
        {
            var registered = await RegisteredDigestAsync(connection, tx, datasetId, token).ConfigureAwait(false);
            if (!string.Equals(registered, stored.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ValidationFailedException("sha256", $"the scanned file's SHA-256 {stored.Sha256} is not the dataset's registered {registered}");
            await using var command = source == "upload"
                ? connection.Command("UPDATE pii_scans SET status = @status, completed_at = @done, bytes_read = @read, bytes_total = @total, dataset_sha256 = @dsha, " +
                    "report_sha256 = @rsha, verdict = @verdict, rule = @rule, report = @report, ledger_index = @idx WHERE id = @id AND status IN ('queued', 'running')", tx)
                : connection.Command($"INSERT INTO pii_scans ({Columns}, report) VALUES (@id, @ds, @status, @source, @by, @at, @done, @read, @total, " +
                    "@dsha, @rsha, @verdict, @rule, NULL, @idx, @report)", tx);
            command.With("@id", scanId).With("@ds", datasetId).With("@status", "completed").With("@source", source).With("@by", actor.Id)
                .With("@at", Timestamps.Format(evt.Time)).With("@done", Timestamps.Format(evt.Time)).With("@read", stored.Bytes).With("@total", stored.Bytes)
                .With("@dsha", stored.Sha256.ToLowerInvariant()).With("@rsha", reportSha).With("@verdict", verdictText)
                .With("@rule", rule.ToJsonString()).With("@report", System.Text.Encoding.UTF8.GetString(json)).With("@idx", idx);
            if (await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) != 1)
                throw new ConflictException($"PII scan {scanId} is no longer running");
        }, ct).ConfigureAwait(false);
        return await GetAsync(datasetId, scanId, ct).ConfigureAwait(false);
    }

    private static async Task<string> RegisteredDigestAsync(DbConnection connection, DbTransaction? tx, string datasetId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT sha256 FROM datasets WHERE id = @id", tx).With("@id", datasetId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) throw new NotFoundException($"dataset {datasetId} does not exist");
        return reader.StringOrNull(0) ?? throw new ValidationFailedException("dataset",
            $"dataset {datasetId} has no registered SHA-256; a scan is recorded against the dataset's digest, so register the dataset with its sha256 first");
    }

    /// <summary>One scan of a dataset, with its report.</summary>
    public async Task<PiiScan> GetAsync(string datasetId, string scanId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns}, report FROM pii_scans WHERE id = @id AND dataset_id = @ds").With("@id", scanId).With("@ds", datasetId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader, withReport: true) : throw new NotFoundException($"PII scan {scanId} of dataset {datasetId} does not exist");
    }

    private async Task<PiiScan?> FindAsync(string scanId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM pii_scans WHERE id = @id").With("@id", scanId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader, withReport: false) : null;
    }

    /// <summary>A dataset's scans, oldest first (without reports).</summary>
    public async Task<Page<PiiScan>> ListAsync(string datasetId, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await RegisteredDatasetExistsAsync(connection, datasetId, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM pii_scans WHERE dataset_id = @ds AND id > @after ORDER BY id LIMIT @limit")
            .With("@ds", datasetId).With("@after", Cursor.Decode(cursor) ?? "").With("@limit", take + 1);
        var items = new List<PiiScan>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader, withReport: false));
        }
        return Pages.Cut(items, take, s => s.Id);
    }

    /// <summary>The newest scans of every dataset (for the dashboard), newest first.</summary>
    public async Task<IReadOnlyList<PiiScan>> RecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM pii_scans ORDER BY id DESC LIMIT @limit").With("@limit", limit);
        var items = new List<PiiScan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader, withReport: false));
        return items;
    }

    private static async Task RegisteredDatasetExistsAsync(DbConnection connection, string datasetId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT COUNT(*) FROM datasets WHERE id = @id").With("@id", datasetId);
        if (!await command.ExistsAsync(ct).ConfigureAwait(false)) throw new NotFoundException($"dataset {datasetId} does not exist");
    }

    private static PiiScan Read(DbDataReader r, bool withReport) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Timestamps.Parse(r.GetString(5)),
        r.IsDBNull(6) ? null : Timestamps.Parse(r.GetString(6)), r.GetInt64(7), r.GetInt64(8), r.StringOrNull(9), r.StringOrNull(10),
        r.StringOrNull(11), r.StringOrNull(12) is { } rule ? JsonNode.Parse(rule) : null, r.StringOrNull(13), r.IsDBNull(14) ? null : r.GetInt64(14),
        withReport && r.StringOrNull(15) is { } report ? JsonNode.Parse(report) : null);
}
