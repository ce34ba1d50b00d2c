using System.Text;

namespace Steward.Drift.Reports;

/// <summary>
/// A self-contained HTML drift report: one file, inline CSS and SVG, no scripts and no network (its Content-Security-Policy
/// forbids both). The verdict, a trend over a history of reports, the per-column score charts, the performance and fairness
/// sections, then every column in a collapsed <c>&lt;details&gt;</c> with its distribution overlay, so that a report of
/// thousands of columns opens fast: the browser lays out a column's chart only when it is opened. All names are escaped.
/// </summary>
public static class DriftReportHtml
{
    /// <summary>Writes the report of one run.</summary>
    public static void Write(DriftReport report, Stream stream, DriftReportHtmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        Write([report], stream, options);
    }

    /// <summary>Writes the last report of <paramref name="history"/> (oldest first) with a trend chart over all of them.</summary>
    public static void Write(IReadOnlyList<DriftReport> history, Stream stream, DriftReportHtmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(stream);
        if (history.Count == 0) throw new ArgumentException("at least one report", nameof(history));
        options ??= new DriftReportHtmlOptions();
        if (options.HistoryLabels is { } labels && labels.Count != history.Count)
            throw new ArgumentException($"{labels.Count} history labels for {history.Count} reports", nameof(options));
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var report = history[^1];
        w.Write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>");
        w.Write($"<title>{Html.Escape(options.Title)}</title><style>{Style}</style></head><body>");
        w.Write($"<header><h1>{Html.Escape(options.Title)}</h1>");
        if (options.Subtitle is not null) w.Write($"<p class=\"sub\">{Html.Escape(options.Subtitle)}</p>");
        w.Write($"<p class=\"verdict {(report.DatasetDrift ? "drift" : "ok")}\" id=\"verdict\">{(report.DatasetDrift ? "Dataset drift detected" : "No dataset drift")}</p>");
        w.Write($"<p>{report.NumberOfDriftedColumns} of {report.NumberOfColumns} columns drifted: share {Html.Number(report.ShareOfDriftedColumns)}, dataset drift at {Html.Number(report.DriftShare)} or more.</p></header>");
        if (history.Count > 1) Trend(w, history, options);
        if (report.Columns.Count > 0)
        {
            w.Write("<section id=\"scores\"><h2>Column drift</h2><p class=\"note\">Score relative to each column's threshold: 1 is the threshold (distances: score ÷ threshold; p-values: ln p ÷ ln threshold).</p>");
            if (report.Columns.Count > options.TopColumns)
            {
                w.Write($"<p class=\"note\">All {report.Columns.Count} columns, sorted:</p>");
                w.Write(SvgCharts.ScoreStrip(report.Columns));
            }
            w.Write($"<p class=\"note\">The {Math.Min(options.TopColumns, report.Columns.Count)} strongest, with their scores:</p>");
            w.Write(SvgCharts.ScoreBars(report.Columns, options.TopColumns));
            w.Write("</section>");
        }
        if (report.Performance is { } performance) ModelSections.Performance(w, performance);
        if (report.Fairness is { } fairness) ModelSections.Fairness(w, fairness);
        Columns(w, report);
        w.Write("</body></html>");
    }

    private static void Trend(TextWriter w, IReadOnlyList<DriftReport> history, DriftReportHtmlOptions options)
    {
        var labels = options.HistoryLabels ?? Enumerable.Range(1, history.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var points = history.Select((r, i) => (labels[i], r.ShareOfDriftedColumns)).ToArray();
        w.Write($"<section id=\"trend\"><h2>Trend</h2><p class=\"note\">Share of drifted columns over {history.Count} reports; dashed line: the dataset drift share.</p>");
        w.Write(SvgCharts.Trend(points, history[^1].DriftShare, "Share of drifted columns per report"));
        if (history.Any(r => r.Performance is not null))
        {
            var metric = history.Select(r => r.Performance?.Current.Headline().FirstOrDefault()).FirstOrDefault(m => m is not null)?.Name;
            if (metric is not null)
            {
                var values = history.Select((r, i) => (labels[i], r.Performance?.Current.Headline().FirstOrDefault(m => m.Name == metric).Value ?? double.NaN)).ToArray();
                w.Write($"<p class=\"note\">{Html.Escape(metric)} on the current data per report:</p>");
                w.Write(SvgCharts.Trend(values, null, $"{metric} per report"));
            }
        }
        w.Write("</section>");
    }

    private static void Columns(TextWriter w, DriftReport report)
    {
        w.Write($"<section id=\"columns\"><h2>Columns ({report.Columns.Count})</h2><p class=\"note\">Drifted first, then by strength. Open a column for its distributions (grey: reference, blue: current).</p>");
        foreach (var c in report.Columns.OrderByDescending(c => c.DriftDetected).ThenByDescending(SvgCharts.DriftStrength).ThenBy(c => c.Column, StringComparer.Ordinal))
        {
            var state = c.Note is not null ? ("na", c.Note) : c.DriftDetected ? ("drift", "drift") : ("ok", "no drift");
            w.Write($"<details><summary><span class=\"badge {state.Item1}\">{Html.Escape(state.Item2)}</span> <b>{Html.Escape(c.Column)}</b> ");
            w.Write($"<span class=\"meta\">{(c.ColumnType == ColumnType.Numerical ? "num" : "cat")} · {Html.Escape(c.StatTestName)} · score {Html.Number(c.DriftScore)} (threshold {Html.Number(c.StatTestThreshold)})</span></summary><div class=\"body\">");
            if (c.Histogram is { } h)
            {
                w.Write(SvgCharts.Distribution(h, c.Column));
                if (h.Categories is { } categories)
                {
                    double rt = Math.Max(1, h.Reference.Sum()), ct = Math.Max(1, h.Current.Sum());
                    w.Write("<table><tr><th>value</th><th>reference</th><th>current</th></tr>");
                    for (var i = 0; i < categories.Count; i++)
                        w.Write($"<tr><td>{Html.Escape(categories[i])}</td><td>{Html.Number(h.Reference[i] / rt)}</td><td>{Html.Number(h.Current[i] / ct)}</td></tr>");
                    w.Write("</table>");
                }
            }
            w.Write($"<p class=\"note\">{c.ReferenceSize} reference and {c.CurrentSize} current values");
            if (c.Statistic is { } statistic) w.Write($"; statistic {Html.Number(statistic)}");
            w.Write(".</p></div></details>");
        }
        w.Write("</section>");
    }

    private const string Style =
        "body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;padding:0 16px;color:#1a202c}"
        + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0}"
        + ".sub,.note{color:#4a5568}.note{font-size:12px;margin:4px 0}"
        + ".verdict{display:inline-block;font-weight:600;padding:4px 10px;border-radius:4px;margin:8px 0 0}"
        + ".verdict.drift{background:#fed7d7;color:#9b2c2c}.verdict.ok{background:#c6f6d5;color:#22543d}"
        + "svg.chart{display:block;max-width:100%;height:auto;font-size:11px;fill:#2d3748;margin:6px 0}"
        + "svg .ref{fill:#a0aec0;fill-opacity:.7}svg .cur{fill:#3182ce;fill-opacity:.45;stroke:#2b6cb0;stroke-width:1}"
        + "svg .drift{fill:#e53e3e}svg .ok{fill:#68d391}svg .axis{stroke:#718096;fill:none}"
        + "svg .limit{stroke:#2d3748;stroke-dasharray:4 3;fill:none}svg .line{stroke:#2b6cb0;fill:none;stroke-width:2}svg circle.line{fill:#2b6cb0}"
        + "details{border-bottom:1px solid #edf2f7;padding:3px 0}summary{cursor:pointer}.meta{color:#4a5568;font-size:12px}"
        + ".body{padding:4px 0 8px 22px}.badge{display:inline-block;min-width:56px;text-align:center;font-size:11px;border-radius:3px;padding:0 4px}"
        + ".badge.drift{background:#fed7d7;color:#9b2c2c}.badge.ok{background:#c6f6d5;color:#22543d}.badge.na{background:#edf2f7;color:#4a5568}"
        + "table{border-collapse:collapse;font-size:12px;margin:6px 0}th,td{padding:2px 10px 2px 0;text-align:left}th{color:#4a5568;font-weight:600}";
}
