using System.Globalization;
using Steward.Drift.Reports;
using Steward.Governance.Errors;
using Steward.Governance.Monitors;
using Steward.Governance.Paging;
using Steward.Server.Reports;

namespace Steward.Server.Monitors;

/// <summary>
/// A run's report as the self-contained HTML of <see cref="DriftReportHtml"/>: the run's columns with their distribution
/// overlays, and a trend over the monitor's runs up to this one (at most <see cref="HistoryRuns"/>, runs without a
/// verdict left out). Served by the API (<c>?format=html</c>) and the dashboard with the report's own strict CSP.
/// </summary>
internal static class RunReportHtml
{
    /// <summary>The most runs in the trend, this one included.</summary>
    public const int HistoryRuns = 90;

    /// <summary>Sends the HTML of run <paramref name="runId"/>; a run without a drift report (insufficient data, failed) is a 409.</summary>
    public static async Task<IResult> SendAsync(HttpContext context, string id, string runId, MonitorStore monitors, MonitorRunStore runs)
    {
        var ct = context.RequestAborted;
        var monitor = await monitors.GetAsync(id, ct);
        var run = await runs.GetAsync(id, runId, ct);
        if (StoredReport.Read(run) is not { } report)
            throw new ConflictException($"run {runId} has status {run.Status}: it has no drift report to render");
        var earlier = (await runs.ListAsync(id, Cursor.Encode(run.WindowSeq), HistoryRuns - 1, ct)).Items
            .Where(r => r.ShareOfDriftedColumns is not null).Reverse().ToList();
        var history = (await StoredReport.PointsAsync(monitor with { DriftShare = report.DriftShare }, earlier, runs, ct)).Append(report).ToList();
        var options = new DriftReportHtmlOptions
        {
            Title = $"Drift report: {monitor.Name}",
            Subtitle = $"Window {run.WindowSeq.ToString(CultureInfo.InvariantCulture)}, {Date(run.WindowOpenedAt)} to {Date(run.RunAt)} UTC · "
                + $"{run.Rows.ToString(CultureInfo.InvariantCulture)} rows · {run.Trigger} run {run.Id} by {run.RunBy}",
            HistoryLabels = earlier.Select(r => Date(r.RunAt)).Append(Date(run.RunAt)).ToList(),
        };
        using var buffer = new MemoryStream();
        DriftReportHtml.Write(history, buffer, options);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = $"inline; filename=\"drift-{run.Id}.html\"";
        return TypedResults.Bytes(buffer.ToArray(), "text/html; charset=utf-8");
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
