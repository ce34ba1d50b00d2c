using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Inventory;
using Steward.Governance.PiiScans;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.PiiScans;

/// <summary>Markup of the PII scan pages. Reports hold no raw PII (samples are redacted by the scanner), and every value is escaped.</summary>
internal static class PiiScanPage
{
    public static Html Recent(IReadOnlyList<PiiScan> scans, IReadOnlyDictionary<string, string> names)
    {
        if (scans.Count == 0)
            return Html.Of($"""
                <h1>PII scans</h1>
                <p class="empty">No dataset has been scanned yet. Scan one with <code>steward pii scan FILE --dataset ID</code> or upload it to <code>POST /api/v1/datasets/ID/pii-scans</code>.</p>
                """);
        var rows = scans.Select(s => Html.Of($"""
            <tr>
              <td data-label="Dataset"><a href="/ui/pii-scans/{s.DatasetId}">{names.GetValueOrDefault(s.DatasetId, s.DatasetId)}</a></td>
              <td data-label="Verdict">{Verdict(s)}</td>
              <td data-label="Source">{s.Source}</td>
              <td data-label="Submitted by">{s.SubmittedBy}</td>
              <td data-label="Submitted" class="nowrap">{Format.Date(s.SubmittedAt)}</td>
              <td data-label="Scan"><a href="/ui/pii-scans/{s.DatasetId}/{s.Id}">{Format.Short(s.Id, 8)}</a></td>
            </tr>
            """));
        return Html.Of($"""
            <h1>PII scans</h1>
            <div class="table-wrap">
              <table class="responsive">
                <caption>The newest scans of all datasets <span class="muted">· newest first</span></caption>
                <thead><tr><th scope="col">Dataset</th><th scope="col">Verdict</th><th scope="col">Source</th><th scope="col">Submitted by</th><th scope="col">Submitted</th><th scope="col">Scan</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            """);
    }

    public static Html Dataset(Dataset dataset, IReadOnlyList<PiiScan> history, PiiScan? shown)
    {
        var rows = history.Reverse().Select(s => Html.Of($"""
            <tr{(s.Id == shown?.Id ? Html.Of($" aria-current=\"true\"") : Html.Empty)}>
              <td data-label="Scan"><a href="/ui/pii-scans/{s.DatasetId}/{s.Id}">{Format.Short(s.Id, 8)}</a></td>
              <td data-label="Verdict">{Verdict(s)}</td>
              <td data-label="Source">{s.Source}</td>
              <td data-label="File SHA-256">{Format.Short(s.DatasetSha256)}</td>
              <td data-label="Submitted by">{s.SubmittedBy}</td>
              <td data-label="Submitted" class="nowrap">{Format.Date(s.SubmittedAt)}</td>
            </tr>
            """));
        var table = history.Count == 0
            ? Html.Of($"""<p class="empty">This dataset has not been scanned. Scan it with <code>steward pii scan FILE --dataset {dataset.Id}</code>.</p>""")
            : Html.Of($"""
                <div class="table-wrap">
                  <table class="responsive">
                    <caption>Scan history <span class="muted">· newest first</span></caption>
                    <thead><tr><th scope="col">Scan</th><th scope="col">Verdict</th><th scope="col">Source</th><th scope="col">File SHA-256</th><th scope="col">Submitted by</th><th scope="col">Submitted</th></tr></thead>
                    <tbody>{rows}</tbody>
                  </table>
                </div>
                """);
        return Html.Of($"""
            <p><a href="/ui/pii-scans">PII scans</a> / {dataset.Name}</p>
            <h1>PII scans of {dataset.Name}</h1>
            <p class="muted">Registered SHA-256 {Format.Short(dataset.Sha256, 16)} · <a href="/ui/inventory/datasets">Datasets</a></p>
            {table}
            {(shown is null ? Html.Empty : PiiScanReportView.Render(shown, dataset))}
            """);
    }

    /// <summary>pass, fail, or the status of a scan without a verdict (queued, running, failed).</summary>
    public static Html Verdict(PiiScan scan) => scan.Verdict switch
    {
        "pass" => Html.Of($"<span class=\"badge outcome-approved\">pass</span>"),
        "fail" => Html.Of($"<span class=\"badge outcome-rejected\">fail</span>"),
        _ => scan.Status == "running" && scan.BytesTotal > 0
            ? Html.Of($"<span class=\"tag\">running {(scan.BytesRead * 100 / scan.BytesTotal).ToString(CultureInfo.InvariantCulture)}%</span>")
            : Html.Of($"<span class=\"tag\">{scan.Status}</span>"),
    };

    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
