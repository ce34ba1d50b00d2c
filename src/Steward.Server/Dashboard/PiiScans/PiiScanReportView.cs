using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Inventory;
using Steward.Governance.PiiScans;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.PiiScans;

/// <summary>One scan: its verdict and reasons, the summary, the per-column table with redacted samples, and problems.</summary>
internal static class PiiScanReportView
{
    public static Html Render(PiiScan scan, Dataset dataset)
    {
        var report = scan.Report;
        var head = Html.Of($"""
            <h2>Scan {Format.Short(scan.Id, 8)} {PiiScanPage.Verdict(scan)}</h2>
            <dl class="facts">
              <dt>Submitted</dt><dd>{Format.Time(scan.SubmittedAt)} by {scan.SubmittedBy} ({scan.Source})</dd>
              <dt>File SHA-256</dt><dd><code>{scan.DatasetSha256 ?? "—"}</code>{(scan.DatasetSha256 is not null && scan.DatasetSha256 != dataset.Sha256 ? Html.Of($" <span class=\"tag\">not the registered digest</span>") : Html.Empty)}</dd>
              <dt>Report SHA-256</dt><dd><code>{scan.ReportSha256 ?? "—"}</code></dd>
              <dt>Ledger entry</dt><dd>{(scan.LedgerIndex is { } i ? Html.Of($"<a href=\"{UiUrl.With("/ui/audit", ("subject_kind", "dataset"), ("subject_id", dataset.Id))}\">{i.ToString(CultureInfo.InvariantCulture)}</a>") : Html.Of($"—"))}</dd>
              {(scan.Error is null ? Html.Empty : Html.Of($"<dt>Error</dt><dd>{scan.Error}</dd>"))}
            </dl>
            """);
        if (report is null) return head;
        var verdict = report["verdict"];
        var reasons = (verdict?["reasons"] as JsonArray ?? []).Select(r => Html.Of($"<li>{PiiScanPage.Text(r)}</li>"));
        var summary = Html.Of($"""
            <p>{PiiScanPage.Text(report["file"])} ({PiiScanPage.Text(report["format"])}, {Num(report["bytes"])} bytes): {Num(report["rows"])} rows, {Num(report["rows_affected"])} with findings, {Num(report["rows_skipped"])} not scanned; {Num(report["cells_scanned"])} cells.</p>
            <p class="muted">Rule: {PiiScanPage.Text(verdict?["rule"])}</p>
            {(reasons.Any() ? Html.Of($"<ul class=\"reasons\">{reasons}</ul>") : Html.Empty)}
            """);
        var rows = new List<Html>();
        foreach (var column in report["columns"] as JsonArray ?? [])
        {
            var entities = column?["entities"] as JsonArray ?? [];
            if (entities.Count == 0)
            {
                rows.Add(Html.Of($"<tr><td data-label=\"Column\">{PiiScanPage.Text(column?["name"])}</td><td data-label=\"Cells\">{Num(column?["cells_scanned"])}</td><td data-label=\"Entity\" colspan=\"4\"><span class=\"muted\">nothing found</span></td></tr>"));
                continue;
            }
            foreach (var e in entities)
            {
                var samples = (e?["samples"] as JsonArray ?? []).Select(s => Html.Of($"<li>row {Num(s?["row"])}: <code>{PiiScanPage.Text(s?["text"])}</code></li>"));
                rows.Add(Html.Of($"""
                    <tr>
                      <td data-label="Column">{PiiScanPage.Text(column?["name"])}</td>
                      <td data-label="Cells">{Num(column?["cells_scanned"])}</td>
                      <td data-label="Entity">{PiiScanPage.Text(e?["entity_type"])}</td>
                      <td data-label="Rows">{Num(e?["rows_affected"])}</td>
                      <td data-label="Score min/mean/max">{Num(e?["min_score"])} / {Num(e?["mean_score"])} / {Num(e?["max_score"])}</td>
                      <td data-label="Redacted samples"><ul class="samples">{samples}</ul></td>
                    </tr>
                    """));
            }
        }
        var problems = (report["problems"] as JsonArray ?? []).Select(p => Html.Of($"<li>{PiiScanPage.Text(p?["kind"])} at row {Num(p?["row"])}, byte {Num(p?["byte_offset"])}: {PiiScanPage.Text(p?["message"])}</li>"));
        return Html.Of($"""
            {head}
            {summary}
            <div class="table-wrap">
              <table class="responsive">
                <caption>Per column</caption>
                <thead><tr><th scope="col">Column</th><th scope="col">Cells</th><th scope="col">Entity</th><th scope="col">Rows</th><th scope="col">Score min/mean/max</th><th scope="col">Redacted samples</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            {(problems.Any() ? Html.Of($"<h3>Problems</h3><ul>{problems}</ul>") : Html.Empty)}
            """);
    }

    private static string Num(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString("0.###", CultureInfo.InvariantCulture) : "—";
}
