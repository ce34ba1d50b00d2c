using Steward.Governance.Events;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// A run report revised by late labels: the latest report with its <c>performance</c> and <c>fairness</c> recomputed
/// from the window's quality state (drift figures untouched) and a <c>labels</c> section — <c>revision</c>,
/// <c>labels_matched</c> (late labels joined to the window since its run), <c>labels_pending</c>, <c>updated_at</c>,
/// <c>run_report_sha256</c> (the run's own report), <c>previous_report_sha256</c>, <c>performance_breaches</c>,
/// <c>alerted</c> (the window crossed a threshold, at its run or in a revision).
/// </summary>
internal static class LabelRevision
{
    public static RunRevision Make(DriftMonitor monitor, LabelWindow window, string quality, long matched, DateTimeOffset now)
    {
        var run = window.Run!;
        var latest = run.Report as JsonObject ?? throw new InvalidOperationException($"run {run.Id} has no report object");
        var empty = new DriftReport { DatasetDrift = false, ShareOfDriftedColumns = 0, NumberOfColumns = 0, NumberOfDriftedColumns = 0, DriftShare = monitor.DriftShare, Columns = [] };
        var measured = RunComputation.WithQuality(empty, monitor, quality);
        var breaches = RunComputation.Breaches(measured, monitor);
        var sections = JsonNode.Parse(DriftReportJson.Serialize(measured))!.AsObject();
        var revised = latest.DeepClone().AsObject();
        foreach (var name in new[] { "performance", "fairness" })
        {
            revised.Remove(name);
            if (sections[name] is { } section) revised[name] = section.DeepClone();
        }
        var previous = latest["labels"] as JsonObject;
        var alertedBefore = previous?["alerted"]?.GetValue<bool>() ?? Breached(latest, monitor);
        var total = (previous?["labels_matched"]?.GetValue<long>() ?? 0) + matched;
        revised.Remove("labels");
        revised["labels"] = new JsonObject
        {
            ["revision"] = window.Revision + 1, ["labels_matched"] = total, ["labels_pending"] = Math.Max(0, window.PendingLabels - matched),
            ["updated_at"] = Timestamps.Format(now),
            ["run_report_sha256"] = previous?["run_report_sha256"]?.GetValue<string>() ?? run.ReportSha256, ["previous_report_sha256"] = run.ReportSha256,
            ["performance_breaches"] = new JsonArray([.. breaches.Select(b => JsonValue.Create(b))]), ["alerted"] = alertedBefore || breaches.Count > 0,
        };
        var json = Encoding.UTF8.GetBytes(revised.ToJsonString());
        return new RunRevision(run.Id, window.Revision + 1, json, Convert.ToHexStringLower(SHA256.HashData(json)), run.ReportSha256, total, breaches,
            Degraded: !alertedBefore && breaches.Count > 0);
    }

    /// <summary>Whether a run's own report crossed one of the monitor's performance thresholds.</summary>
    private static bool Breached(JsonObject report, DriftMonitor monitor)
    {
        if (monitor.PerformanceThresholds is not { } thresholds || report["performance"]?["current"] is not JsonObject current) return false;
        foreach (var (metric, bound) in thresholds)
        {
            if (current[metric] is not JsonValue v || !v.TryGetValue<double>(out var value) || !double.IsFinite(value)) continue;
            if (MonitorSpec.MaximumMetrics.Contains(metric, StringComparer.Ordinal) ? value > bound : value < bound) return true;
        }
        return false;
    }
}
