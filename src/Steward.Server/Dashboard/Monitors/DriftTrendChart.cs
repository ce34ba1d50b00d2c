using System.Globalization;
using Steward.Governance.Monitors;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>
/// Inline SVG charts of a monitor's runs, drawn on the server (no script; presentation attributes only, so the
/// dashboard's CSP needs no inline style): the share of drifted columns per run against the drift share, and which
/// columns were among the most drifted in each run. Every mark has a <c>title</c> for its figures.
/// </summary>
internal static class DriftTrendChart
{
    private const int Width = 640;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 12;
    private const int PlotHeight = 140;
    private const int MaxColumns = 10;
    private const int Cell = 16;

    /// <summary>The share of drifted columns per run, oldest first, with the threshold as a dashed line.</summary>
    public static Html Share(IReadOnlyList<MonitorRun> runs, double driftShare)
    {
        var n = runs.Count;
        var plotWidth = Width - Left - Right;
        string X(int i) => N(n == 1 ? Left + plotWidth / 2.0 : Left + i * plotWidth / (double)(n - 1));
        string Y(double v) => N(Top + (1 - Math.Clamp(v, 0, 1)) * PlotHeight);
        var points = string.Join(' ', runs.Select((r, i) => (r, i)).Where(p => p.r.ShareOfDriftedColumns is not null)
            .Select(p => $"{X(p.i)},{Y(p.r.ShareOfDriftedColumns!.Value)}"));
        var marks = runs.Select((r, i) => Html.Of($"""
            <circle cx="{X(i)}" cy="{Y(r.ShareOfDriftedColumns ?? 0)}" r="5" fill="{Fill(r.Status)}" stroke="#0f1b2d" stroke-width="1"><title>window {r.WindowSeq} · {Format.Iso(r.RunAt)} · {r.Status.Replace('_', ' ')} · share {MonitorBadges.Share(r.ShareOfDriftedColumns)}</title></circle>
            """));
        var grid = new[] { 0.0, 0.5, 1.0 }.Select(v => Html.Of($"""
            <line x1="{Left}" y1="{Y(v)}" x2="{Width - Right}" y2="{Y(v)}" stroke="#d0d7de" stroke-width="1"/><text x="{Left - 6}" y="{Y(v)}" dy="4" text-anchor="end" font-size="11" fill="#4a5568">{N(v)}</text>
            """));
        var height = Top + PlotHeight + 28;
        var first = n > 0 ? runs[0].WindowSeq.ToString(CultureInfo.InvariantCulture) : "";
        var last = n > 0 ? runs[^1].WindowSeq.ToString(CultureInfo.InvariantCulture) : "";
        return Html.Of($"""
            <svg class="drift-trend" viewBox="0 0 {Width} {height}" width="100%" role="img" aria-labelledby="trend-title" xmlns="http://www.w3.org/2000/svg">
              <title id="trend-title">Share of drifted columns in the last {n} runs (dashed: the drift share {N(driftShare)})</title>
              {grid}
              <line x1="{Left}" y1="{Y(driftShare)}" x2="{Width - Right}" y2="{Y(driftShare)}" stroke="#b3261e" stroke-width="1.5" stroke-dasharray="6 4"/>
              <polyline points="{points}" fill="none" stroke="#1f6feb" stroke-width="2"/>
              {marks}
              <text x="{Left}" y="{height - 6}" font-size="11" fill="#4a5568">window {first}</text>
              <text x="{Width - Right}" y="{height - 6}" text-anchor="end" font-size="11" fill="#4a5568">window {last}</text>
            </svg>
            """);
    }

    /// <summary>A grid of the columns most often among a run's top drifted columns (rows) by run (columns, oldest first).</summary>
    public static Html Columns(IReadOnlyList<MonitorRun> runs)
    {
        var names = runs.SelectMany(r => r.TopColumns).GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxColumns).Select(g => g.Key).ToList();
        if (names.Count == 0) return Html.Of($"""<p class="muted">No run has found a drifted column yet.</p>""");
        const int labelWidth = 160;
        var width = labelWidth + runs.Count * (Cell + 2) + 8;
        var height = names.Count * (Cell + 4) + 8;
        var rows = names.Select((name, row) => Html.Of($"""
            <text x="{labelWidth - 8}" y="{N(row * (Cell + 4) + Cell - 3)}" text-anchor="end" font-size="12" fill="#0f1b2d">{Format.Truncate(name, 24)}</text>
            {runs.Select((r, i) => Html.Of($"""<rect x="{N(labelWidth + i * (Cell + 2))}" y="{N(row * (Cell + 4))}" width="{Cell}" height="{Cell}" rx="2" fill="{(r.TopColumns.Contains(name) ? "#b3261e" : "#e6ebf1")}"><title>{name} · window {r.WindowSeq} · {(r.TopColumns.Contains(name) ? "drifted" : "not among the most drifted")}</title></rect>"""))}
            """));
        return Html.Of($"""
            <svg class="drift-columns" viewBox="0 0 {width} {height}" width="{width}" role="img" aria-labelledby="columns-title" xmlns="http://www.w3.org/2000/svg">
              <title id="columns-title">Columns among the most drifted, per run (oldest first)</title>
              {rows}
            </svg>
            """);
    }

    private static string Fill(string status) => status switch
    {
        "drift" => "#b3261e",
        "no_drift" => "#1a7f37",
        _ => "#ffffff",
    };

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
