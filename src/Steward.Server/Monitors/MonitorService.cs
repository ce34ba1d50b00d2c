using System.Text;
using Steward.Drift;
using Steward.Drift.Profiles;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Monitors' data paths: the reference (an uploaded profile, or a profile the server builds from a CSV or JSONL
/// file), batches folded into the open window, and runs (computed, then recorded with their window's closing).
/// </summary>
internal sealed class MonitorService(MonitorStore monitors, MonitorDataStore data, MonitorRunStore runs, MonitorOptions options)
{
    private const int RunAttempts = 3;

    /// <summary>The options of window profiles: exact up to <see cref="MonitorOptions.WindowExactLimit"/> values per column, then sketched.</summary>
    public ProfileOptions WindowProfileOptions => new() { Mode = ProfileMode.Auto, ExactLimit = options.WindowExactLimit };

    /// <summary>Sets the reference from a profile document or builds it from a data file.</summary>
    public async Task<DriftMonitor> SetReferenceAsync(Actor actor, string id, ReadOnlyMemory<byte> body, BatchFormat format, CancellationToken ct)
    {
        var monitor = await monitors.GetAsync(id, ct);
        if (body.IsEmpty) throw new ValidationFailedException("body", "is required: a drift profile (application/json) or a data file (text/csv, application/x-ndjson)");
        DriftProfile profile;
        if (format == BatchFormat.Profile)
        {
            try
            {
                using var stream = new MemoryStream(body.ToArray(), writable: false);
                profile = DriftProfile.ReadFrom(stream);
            }
            catch (DriftException e)
            {
                throw new ValidationFailedException("body", e.Message);
            }
        }
        else
        {
            var inference = new TypeInference(monitor.Categorical, monitor.Numerical);
            Parse(body, format, inference);
            var sink = new ProfileSink(inference.Schema(), new ProfileOptions());
            if (Parse(body, format, sink) == 0) throw new ValidationFailedException("body", "has no data rows");
            profile = sink.ToProfile();
        }
        if (profile.RowCount == 0 || profile.Columns.Count == 0) throw new ValidationFailedException("body", "the reference has no rows or no columns");
        var columns = profile.Columns.ToDictionary(c => c.Name, c => c.Kind == ProfileColumnKind.Numbers ? "num" : "cat", StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        profile.WriteTo(buffer);
        var source = format switch { BatchFormat.Csv => "csv", BatchFormat.Jsonl => "jsonl", _ => "profile" };
        return await data.SetReferenceAsync(actor, id, buffer.ToArray(), profile.RowCount, columns, source, ct);
    }

    /// <summary>Parses a batch against the reference's columns and folds it into the open window.</summary>
    public async Task<BatchReceipt> IngestAsync(string id, ReadOnlyMemory<byte> body, BatchFormat format, CancellationToken ct)
    {
        var monitor = await monitors.GetAsync(id, ct);
        if (monitor.Reference is null) throw new ConflictException($"monitor {id} has no reference profile yet: set one with PUT /api/v1/monitors/{id}/reference");
        if (format == BatchFormat.Profile) throw new ValidationFailedException("content-type", $"a batch is data: {BatchFormats.Accepted}");
        var sink = new ProfileSink(monitor.Reference.Columns, WindowProfileOptions);
        var quality = monitor.Spec().MeasuresQuality ? new QualitySink(sink, monitor) : null;
        if (Parse(body, format, (IBatchSink?)quality ?? sink) == 0) throw new ValidationFailedException("body", "has no data rows");
        var missing = sink.Missing.ToList();
        if (missing.Count == monitor.Reference.Columns.Count)
            throw new ValidationFailedException("body", $"has none of the reference's columns ({string.Join(", ", monitor.Reference.Columns.Keys.Take(10))})");
        var batch = sink.ToProfile();
        Func<string?, string?>? foldQuality = quality is null ? null : stored => WindowQuality.Fold(stored, quality.Quality);
        var (window, pending) = await data.AppendBatchAsync(id, sink.Rows, stored => Fold(stored, batch), foldQuality, quality?.Pending, ct);
        var labels = monitor.Spec().JoinsLateLabels ? new BatchLabels(pending.Stored, pending.DuplicateIds, quality!.WithoutId, pending.Dropped, pending.Expired, pending.Pending) : null;
        return new BatchReceipt(id, sink.Rows, window, sink.Ignored, missing, labels);
    }

    /// <summary>Runs a monitor now: its open window against the reference; retried when a batch lands meanwhile.</summary>
    public async Task<MonitorRun> RunAsync(Actor actor, string id, string trigger, CancellationToken ct)
    {
        var snapshot = await data.SnapshotAsync(id, ct);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = RunComputation.Compute(snapshot);
            try
            {
                return await runs.RecordAsync(actor, trigger, snapshot, outcome, ct);
            }
            catch (ConflictException) when (attempt < RunAttempts)
            {
                // A batch arrived (compute again on what is there now), or another run closed the window (that run is the answer).
                var seq = snapshot.Window.Seq;
                snapshot = await data.SnapshotAsync(id, ct);
                if (snapshot.Window.Seq != seq && await runs.FindByWindowAsync(id, seq, ct) is { } other) return other;
            }
        }
    }

    private static byte[] Fold(byte[]? stored, DriftProfile batch)
    {
        var merged = batch;
        if (stored is not null)
        {
            using var input = new MemoryStream(stored, writable: false);
            merged = DriftProfile.ReadFrom(input).Merge(batch);
        }
        using var output = new MemoryStream();
        merged.WriteTo(output);
        return output.ToArray();
    }

    private static int Parse(ReadOnlyMemory<byte> body, BatchFormat format, IBatchSink sink)
    {
        if (format == BatchFormat.Jsonl) return JsonlBatchReader.Read(body.Span, sink);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationFailedException("body", "is not UTF-8 text");
        }
        return CsvBatchReader.Read(text.AsSpan().TrimStart('\uFEFF'), sink);
    }
}
