using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Monitors;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>One run's report: the verdict, the per-column table (drifted first), and the window's performance and fairness when it carries them.</summary>
internal static class RunReportView
{
    public static Html Render(DriftMonitor monitor, MonitorRun run)
    {
        var report = run.Report as JsonObject;
        var heading = Html.Of($"""
            <h2>Report of window {run.WindowSeq.ToString(CultureInfo.InvariantCulture)} {MonitorBadges.Status(run.Status)}</h2>
            <p class="muted">{Format.Date(run.WindowOpenedAt)} to {Format.Date(run.RunAt)} · {run.Rows.ToString(CultureInfo.InvariantCulture)} rows · {run.Trigger} run by {run.RunBy} · report SHA-256 {Format.Short(run.ReportSha256, 16)} · <a href="/api/v1/monitors/{monitor.Id}/runs/{run.Id}">JSON</a>{(run.ShareOfDriftedColumns is null ? Html.Empty : Html.Of($" · <a href=\"/ui/monitors/{monitor.Id}/runs/{run.Id}/report\">HTML report</a>"))}</p>
            """);
        if (report?["error"] is { } error) return Html.Of($"{heading}<div class=\"alert alert-error\" role=\"alert\">{error.ToString()}</div>");
        if (report?["columns"] is not JsonObject columns)
            return Html.Of($"{heading}<p class=\"empty\">Insufficient data: the window had {run.Rows.ToString(CultureInfo.InvariantCulture)} rows, fewer than the {monitor.MinRows.ToString(CultureInfo.InvariantCulture)} a verdict needs.</p>");
        var typed = Steward.Server.Monitors.StoredReport.Read(run);
        var ordered = columns.Select(c => (Name: c.Key, Column: c.Value as JsonObject ?? []))
            .OrderByDescending(c => c.Column["drift_detected"]?.GetValue<bool>() == true).ThenBy(c => c.Name, StringComparer.Ordinal);
        var rows = ordered.Select(c => Html.Of($"""
            <tr>
              <th scope="row" data-label="Column">{c.Name}</th>
              <td data-label="Type">{c.Column["column_type"]?.ToString()}</td>
              <td data-label="Test">{c.Column["stattest_name"]?.ToString()}</td>
              <td data-label="Threshold">{MonitorPage.Number(c.Column["stattest_threshold"])}</td>
              <td data-label="Score">{MonitorPage.Number(c.Column["drift_score"])}</td>
              <td data-label="Drift">{(c.Column["drift_detected"]?.GetValue<bool>() == true ? MonitorBadges.Status("drift") : Html.Text("no"))}{(c.Column["note"] is { } note ? Html.Of($" <span class=\"muted\">{note.ToString()}</span>") : Html.Empty)}</td>
              <td data-label="Reference / current">{MonitorPage.Number(c.Column["reference_size"])} / {MonitorPage.Number(c.Column["current_size"])}</td>
            </tr>
            """));
        return Html.Of($"""
            {heading}
            <p>{MonitorPage.Number(report["number_of_drifted_columns"])} of {MonitorPage.Number(report["number_of_columns"])} columns drifted (share {MonitorPage.Number(report["share_of_drifted_columns"])}; the dataset drifts at {MonitorPage.Number(report["drift_share"])}).</p>
            <div class="table-wrap">
              <table class="responsive">
                <caption>Columns <span class="muted">· drifted first</span></caption>
                <thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Test</th><th scope="col">Threshold</th><th scope="col">Score</th><th scope="col">Drift</th><th scope="col">Reference / current values</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            {ModelQualityView.Performance(typed?.Performance, monitor.PerformanceThresholds)}
            {ModelQualityView.Fairness(typed?.Fairness)}
            """);
    }
}
