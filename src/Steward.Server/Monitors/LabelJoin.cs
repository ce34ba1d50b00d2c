using System.Text;
using Steward.Drift;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Joins late labels to the predictions waiting for them and folds each into the quality state of the window its
/// prediction belongs to: an open window's next run includes it; a closed window's run report gets a new revision
/// (ledger entry). Planned on what is stored, applied in one transaction, planned again when a batch, a run or
/// another labels post changed something meanwhile.
/// </summary>
internal sealed class LabelJoin(MonitorStore monitors, MonitorLabelStore labels, TimeProvider time)
{
    private const int Attempts = 4;

    public async Task<LabelReceipt> PostAsync(Actor actor, string id, ReadOnlyMemory<byte> body, BatchFormat format, CancellationToken ct)
    {
        var monitor = await monitors.GetAsync(id, ct);
        if (!monitor.Spec().JoinsLateLabels)
            throw new ConflictException($"monitor {id} takes no late labels: its definition needs id_column (with label and prediction)");
        if (format == BatchFormat.Profile) throw new ValidationFailedException("content-type", $"labels are data: {BatchFormats.Accepted}");
        var sink = new LabelSink(monitor, format == BatchFormat.Jsonl);
        if (Parse(body, format, sink) == 0) throw new ValidationFailedException("body", "has no data rows");
        sink.HeaderCheck();
        for (var attempt = 1; ; attempt++)
        {
            var (plan, receiptWindows, expired, dropped) = await PlanAsync(monitor, sink.Labels, ct);
            try
            {
                var index = plan.Matched.Count > 0 || plan.Unknown > 0 || plan.Duplicates > 0 || plan.Windows.Count > 0 ? await labels.ApplyAsync(actor, plan, ct) : null;
                var counts = await labels.CountsAsync(id, ct);
                return new LabelReceipt(id, sink.Labels.Count, plan.Matched.Count, plan.Unknown, plan.Duplicates, expired, dropped, counts.Pending,
                    receiptWindows, sink.Ignored, index);
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                // A batch, a run or another labels post changed a window or a prediction: plan again on what is there now.
            }
        }
    }

    private async Task<(LabelPlan Plan, List<LabelReceiptWindow> Windows, long Expired, long Dropped)> PlanAsync(
        DriftMonitor monitor, List<(int Line, string Id, string Label)> rows, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var first = new Dictionary<string, (int Line, string Label)>(StringComparer.Ordinal);
        long duplicates = 0, unknown = 0, expired = 0, dropped = 0;
        foreach (var (line, rowId, label) in rows)
            if (!first.TryAdd(rowId, (line, label))) duplicates++;
        var found = await labels.FindAsync(monitor.Id, first.Keys, ct);
        var byWindow = new SortedDictionary<long, List<(PendingLabelRow Row, int Line, string Label)>>();
        foreach (var (rowId, (line, label)) in first)
        {
            if (!found.TryGetValue(rowId, out var row)) { unknown++; continue; }
            switch (row.State)
            {
                case "labelled": duplicates++; break;
                case "dropped": dropped++; break;
                case "expired": expired++; break;
                case "pending" when row.ExpiresAt <= now: expired++; break;
                default:
                    if (!byWindow.TryGetValue(row.WindowSeq, out var list)) byWindow[row.WindowSeq] = list = [];
                    list.Add((row, line, label));
                    break;
            }
        }
        var updates = new List<WindowLabelUpdate>();
        var receipt = new List<LabelReceiptWindow>();
        foreach (var (seq, joined) in byWindow)
        {
            var window = await labels.WindowAsync(monitor.Id, seq, ct);
            var quality = window.Quality is { } stored ? WindowQuality.FromJson(stored) : WindowQuality.Empty(monitor);
            foreach (var (row, line, label) in joined) Fold(quality, row, line, label);
            var state = quality.ToJson();
            var revision = window.Status == "closed" && window.Run is { Status: "drift" or "no_drift" } ? LabelRevision.Make(monitor, window, state, joined.Count, now) : null;
            updates.Add(new WindowLabelUpdate(seq, window.Status, window.Quality, state, joined.Count, revision));
            receipt.Add(new LabelReceiptWindow(seq, window.Status, joined.Count, window.Run?.Id, revision?.Revision, revision?.ReportSha256,
                revision?.Breaches ?? [], revision?.Degraded ?? false));
        }
        var matched = byWindow.Values.SelectMany(v => v).Select(v => v.Row.RowId).ToList();
        return (new LabelPlan(monitor, now, matched, updates, unknown, duplicates), receipt, expired, dropped);
    }

    private static void Fold(WindowQuality quality, PendingLabelRow row, int line, string label)
    {
        try
        {
            quality.Performance.Add(label, row.Prediction!, row.Score);
        }
        catch (DriftException e)
        {
            throw new ValidationFailedException("body", $"line {line}: {e.Message}");
        }
        if (row.Groups is null) return;
        foreach (var (attribute, group) in row.Groups)
            if (quality.Fairness.TryGetValue(attribute, out var fairness)) fairness.Add(group, label, row.Prediction!);
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
