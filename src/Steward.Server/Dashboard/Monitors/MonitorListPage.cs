using Steward.Governance.Monitors;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>Markup of <c>/ui/monitors</c>.</summary>
internal static class MonitorListPage
{
    public static Html Render(IReadOnlyList<DriftMonitor> monitors)
    {
        if (monitors.Count == 0)
            return Html.Of($"""
                <h1>Drift monitors</h1>
                <p class="empty">No monitor yet. Create one with <code>steward monitor create --name NAME --endpoint ENDPOINT --reference train.csv</code>.</p>
                """);
        var rows = monitors.Select(m => Html.Of($"""
            <tr>
              <td data-label="Monitor"><a href="/ui/monitors/{m.Id}">{m.Name}</a></td>
              <td data-label="Watches">{Watches(m)}</td>
              <td data-label="Status">{MonitorBadges.Status(m.Status)}</td>
              <td data-label="Drifted share">{MonitorBadges.Share(m.LastRun?.ShareOfDriftedColumns)}</td>
              <td data-label="Last run" class="nowrap">{(m.LastRun is { } r ? Format.Date(r.RunAt) : Html.Text("–"))}</td>
              <td data-label="Open window">{m.CurrentWindow.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)} rows</td>
              <td data-label="Schedule"><code>{m.Schedule}</code></td>
              <td data-label="Next run" class="nowrap">{Format.Date(m.NextRunAt)}</td>
            </tr>
            """));
        return Html.Of($"""
            <h1>Drift monitors</h1>
            <div class="table-wrap">
              <table class="responsive">
                <caption>Monitors and their last verdict</caption>
                <thead><tr><th scope="col">Monitor</th><th scope="col">Watches</th><th scope="col">Status</th><th scope="col">Drifted share</th><th scope="col">Last run</th><th scope="col">Open window</th><th scope="col">Schedule</th><th scope="col">Next run</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            """);
    }

    public static Html Watches(DriftMonitor m) => (m.ModelId, m.Endpoint) switch
    {
        ({ } model, { } endpoint) => Html.Of($"model {Format.Short(model, 8)} · endpoint {endpoint}"),
        ({ } model, null) => Html.Of($"model {Format.Short(model, 8)}"),
        _ => Html.Of($"endpoint {m.Endpoint}"),
    };
}
