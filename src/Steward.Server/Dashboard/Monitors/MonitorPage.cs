using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Governance.Monitors;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>Markup of <c>/ui/monitors/{id}</c>: summary, drift and performance trends, the latest fairness, run history, a run's report.</summary>
internal static class MonitorPage
{
    /// <param name="monitor">The monitor.</param>
    /// <param name="newestFirst">Its latest runs.</param>
    /// <param name="quality">The same runs' stored reports, oldest first: each run's performance and fairness (null without).</param>
    /// <param name="shown">The run whose report is shown.</param>
    public static Html Render(DriftMonitor monitor, IReadOnlyList<MonitorRun> newestFirst, IReadOnlyList<DriftReport> quality, MonitorRun? shown)
    {
        var oldestFirst = newestFirst.Reverse().ToList();
        var performance = PerformanceTrendChart.Render(oldestFirst.Select((r, i) => (r, i < quality.Count ? quality[i].Performance : null)).ToList(), monitor.PerformanceThresholds);
        var latestFairness = quality.Select((q, i) => (q.Fairness, Run: oldestFirst[i])).LastOrDefault(q => q.Fairness is { Count: > 0 });
        var trendFigure = performance == Html.Empty ? Html.Empty : Html.Of($"""
            <h2>Performance trend</h2>
            <figure>{performance}<figcaption class="muted">The window's metrics per run (labelled rows only); dashed: the monitor's performance thresholds, red points cross them.</figcaption></figure>
            """);
        var fairness = latestFairness.Fairness is null ? Html.Empty : Html.Of($"""
            <h2>Latest fairness <span class="muted">· window {latestFairness.Run.WindowSeq}</span></h2>
            {ModelQualityView.Fairness(latestFairness.Fairness, heading: null, compact: true)}
            """);
        var model = Html.Join([trendFigure, fairness]);
        var reference = monitor.Reference is { } r
            ? Html.Of($"{r.Rows.ToString(CultureInfo.InvariantCulture)} rows, {r.Columns.Count.ToString(CultureInfo.InvariantCulture)} columns · SHA-256 {Format.Short(r.Sha256, 16)} · set by {r.SetBy} {Format.Date(r.SetAt)}")
            : Html.Of($"none yet: set it with <code>steward monitor reference {monitor.Id} train.csv</code>");
        var trend = oldestFirst.Count == 0
            ? Html.Of($"""<p class="empty">No run yet. The first scheduled run is {Format.Date(monitor.NextRunAt)}; <code>steward monitor run {monitor.Id}</code> runs it now.</p>""")
            : Html.Of($"""
                <h2>Drift trend</h2>
                <figure>{DriftTrendChart.Share(oldestFirst, monitor.DriftShare)}<figcaption class="muted">Share of drifted columns per run; dashed: the drift share {MonitorBadges.Share(monitor.DriftShare)}. Red: drift, green: no drift, white: insufficient data or failed.</figcaption></figure>
                <h2>Most drifted columns over time</h2>
                <figure>{DriftTrendChart.Columns(oldestFirst)}</figure>
                {model}
                {History(monitor, newestFirst, shown)}
                """);
        return Html.Of($"""
            <p><a href="/ui/monitors">Monitors</a> / {monitor.Name}</p>
            <h1>{monitor.Name} {MonitorBadges.Status(monitor.Status)}</h1>
            <dl class="facts">
              <dt>Watches</dt><dd>{MonitorListPage.Watches(monitor)}</dd>
              <dt>Window</dt><dd>{monitor.Window} · schedule <code>{monitor.Schedule}</code> (UTC) · next run {Format.Date(monitor.NextRunAt)}</dd>
              <dt>Open window</dt><dd>window {monitor.CurrentWindow.Seq.ToString(CultureInfo.InvariantCulture)} since {Format.Date(monitor.CurrentWindow.OpenedAt)}: {monitor.CurrentWindow.Rows.ToString(CultureInfo.InvariantCulture)} rows in {monitor.CurrentWindow.Batches.ToString(CultureInfo.InvariantCulture)} batches</dd>
              <dt>Reference</dt><dd>{reference}</dd>
              <dt>Drift share</dt><dd>{MonitorBadges.Share(monitor.DriftShare)} · at least {monitor.MinRows.ToString(CultureInfo.InvariantCulture)} rows per window</dd>
            </dl>
            {trend}
            {(shown is null ? Html.Empty : RunReportView.Render(monitor, shown))}
            """);
    }

    private static Html History(DriftMonitor monitor, IReadOnlyList<MonitorRun> runs, MonitorRun? shown)
    {
        var rows = runs.Select(r => Html.Of($"""
            <tr{(r.Id == shown?.Id ? Html.Of($" aria-current=\"true\"") : Html.Empty)}>
              <td data-label="Window"><a href="/ui/monitors/{monitor.Id}/runs/{r.Id}">{r.WindowSeq.ToString(CultureInfo.InvariantCulture)}</a></td>
              <td data-label="Run" class="nowrap">{Format.Date(r.RunAt)}</td>
              <td data-label="Trigger">{r.Trigger}</td>
              <td data-label="Status">{MonitorBadges.Status(r.Status)}</td>
              <td data-label="Rows">{r.Rows.ToString(CultureInfo.InvariantCulture)}</td>
              <td data-label="Drifted share">{MonitorBadges.Share(r.ShareOfDriftedColumns)}</td>
              <td data-label="Most drifted">{string.Join(", ", r.TopColumns)}</td>
              <td data-label="Ledger">{(r.LedgerIndex is { } i ? Html.Of($"<a href=\"/ui/audit?type=drift.detected&amp;subject_kind=monitor&amp;subject_id={monitor.Id}\">drift.detected #{i.ToString(CultureInfo.InvariantCulture)}</a>") : Html.Text("–"))}</td>
            </tr>
            """));
        return Html.Of($"""
            <div class="table-wrap">
              <table class="responsive">
                <caption>Runs <span class="muted">· newest first</span></caption>
                <thead><tr><th scope="col">Window</th><th scope="col">Run</th><th scope="col">Trigger</th><th scope="col">Status</th><th scope="col">Rows</th><th scope="col">Drifted share</th><th scope="col">Most drifted</th><th scope="col">Ledger</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            """);
    }

    /// <summary>A report number for reading: four decimals, or scientific notation for tiny non-zero values (p-values).</summary>
    internal static string Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d)
        ? d != 0 && Math.Abs(d) < 1e-4 ? d.ToString("0.##E+0", CultureInfo.InvariantCulture) : d.ToString("0.####", CultureInfo.InvariantCulture)
        : node?.ToJsonString() ?? "–";
}
