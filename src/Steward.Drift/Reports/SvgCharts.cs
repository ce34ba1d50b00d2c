using System.Text;
using Steward.Drift.StatTests;

namespace Steward.Drift.Reports;

/// <summary>
/// Inline SVG charts for drift reports, as plain functions returning escaped markup (no scripts, no external resources),
/// for the HTML report and the server's dashboard. Colours come from CSS classes (<c>ref</c>, <c>cur</c>, <c>drift</c>,
/// <c>ok</c>, <c>axis</c>, <c>limit</c>) so the host page styles them; each chart has a <c>&lt;title&gt;</c> for screen readers.
/// </summary>
public static class SvgCharts
{
    /// <summary>The largest drift strength drawn; stronger drift is drawn at this length.</summary>
    public const double StrengthCap = 3;

    /// <summary>
    /// How far a column's score is past its threshold, on one scale for tests and distances: 1 at the threshold, above 1 when
    /// drifted. Distances: score / threshold. p-values: ln p / ln threshold (p = threshold gives 1, p = 1 gives 0). 0 when the
    /// score is undefined; drifted ⇒ 1 or more, otherwise below (up to the tests' strict/non-strict comparisons).
    /// </summary>
    public static double DriftStrength(ColumnDriftResult column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var score = column.DriftScore;
        var threshold = column.StatTestThreshold;
        if (double.IsNaN(score)) return 0;
        var pValue = StatTestRegistry.Names.Contains(column.StatTestName, StringComparer.Ordinal)
            && StatTestRegistry.Get(column.StatTestName).Comparison is DriftComparison.AtMost or DriftComparison.Below;
        double strength;
        if (pValue) strength = threshold is > 0 and < 1 ? (score <= 0 ? double.PositiveInfinity : Math.Max(0, Math.Log(score) / Math.Log(threshold))) : double.NaN;
        else strength = threshold > 0 ? score / threshold : double.NaN;
        return double.IsNaN(strength) ? (column.DriftDetected ? 2 : 0.5) : Math.Max(0, strength);
    }

    /// <summary>Reference and current shares per bin of a column, overlaid (reference filled grey, current outlined).</summary>
    public static string Distribution(ColumnHistogram histogram, string columnName, int width = 320, int height = 96)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(columnName);
        const double bottom = 14;
        var plot = height - bottom;
        double refTotal = Math.Max(1, histogram.Reference.Sum()), curTotal = Math.Max(1, histogram.Current.Sum());
        var max = 0.0;
        for (var i = 0; i < histogram.Count; i++) max = Math.Max(max, Math.Max(histogram.Reference[i] / refTotal, histogram.Current[i] / curTotal));
        if (max == 0) max = 1;
        var bin = (double)width / Math.Max(1, histogram.Count);
        var gap = histogram.Categories is null ? 0 : Math.Min(2, bin / 4);
        string Bars(IReadOnlyList<long> counts, double total)
        {
            var path = new StringBuilder();
            for (var i = 0; i < counts.Count; i++)
            {
                var h = counts[i] / total / max * (plot - 2);
                if (h <= 0) continue;
                path.Append('M').Append(Html.Px(i * bin + gap)).Append(' ').Append(Html.Px(plot)).Append('v').Append(Html.Px(-h))
                    .Append('h').Append(Html.Px(bin - 2 * gap)).Append('v').Append(Html.Px(h)).Append('z');
            }
            return path.ToString();
        }
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">")
            .Append($"<title>Distribution of {Html.Escape(columnName)}: reference (grey) and current (blue) shares per bin</title>")
            .Append($"<path class=\"ref\" d=\"{Bars(histogram.Reference, refTotal)}\"/>")
            .Append($"<path class=\"cur\" d=\"{Bars(histogram.Current, curTotal)}\"/>")
            .Append($"<path class=\"axis\" d=\"M0 {Html.Px(plot)}H{width}\"/>");
        if (histogram.Edges is { } edges)
        {
            svg.Append($"<text x=\"0\" y=\"{height - 2}\">{Html.Escape(Html.Number(edges[0]))}</text>")
                .Append($"<text x=\"{width}\" y=\"{height - 2}\" text-anchor=\"end\">{Html.Escape(Html.Number(edges[^1]))}</text>");
        }
        else
        {
            svg.Append($"<text x=\"0\" y=\"{height - 2}\">{histogram.Count} categories (table below)</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The <paramref name="top"/> columns with the strongest drift as named horizontal bars, sorted, with the threshold line at 1.</summary>
    public static string ScoreBars(IReadOnlyList<ColumnDriftResult> columns, int top = 30, int width = 640)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var shown = columns.Select(c => (Column: c, Strength: DriftStrength(c))).OrderByDescending(c => c.Strength).ThenBy(c => c.Column.Column, StringComparer.Ordinal).Take(top).ToArray();
        const int row = 16, label = 180;
        var plot = width - label - 80;
        var height = Math.Max(1, shown.Length) * row + 18;
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        svg.Append($"<title>The {shown.Length} columns with the strongest drift, score relative to the threshold (line at 1)</title>");
        for (var i = 0; i < shown.Length; i++)
        {
            var (column, strength) = shown[i];
            var y = i * row;
            var name = column.Column.Length > 28 ? column.Column[..27] + "…" : column.Column;
            svg.Append($"<text x=\"{label - 6}\" y=\"{y + 12}\" text-anchor=\"end\">{Html.Escape(name)}</text>")
                .Append($"<rect class=\"{(column.DriftDetected ? "drift" : "ok")}\" x=\"{label}\" y=\"{y + 3}\" width=\"{Html.Px(Math.Max(1, Math.Min(strength, StrengthCap) / StrengthCap * plot))}\" height=\"{row - 5}\"/>")
                .Append($"<text x=\"{Html.Px(label + Math.Min(strength, StrengthCap) / StrengthCap * plot + 4)}\" y=\"{y + 12}\">{Html.Escape(Html.Number(column.DriftScore))}</text>");
        }
        var limit = label + plot / StrengthCap;
        svg.Append($"<path class=\"limit\" d=\"M{Html.Px(limit)} 0V{height - 16}\"/>")
            .Append($"<text x=\"{Html.Px(limit)}\" y=\"{height - 4}\" text-anchor=\"middle\">threshold</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Every column's drift strength, sorted, as one path of thin bars: the shape of the drift across all columns.</summary>
    public static string ScoreStrip(IReadOnlyList<ColumnDriftResult> columns, int width = 640, int height = 60)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var strengths = columns.Select(c => (Drift: c.DriftDetected, Value: Math.Min(DriftStrength(c), StrengthCap))).OrderByDescending(s => s.Value).ToArray();
        var bar = (double)width / Math.Max(1, strengths.Length);
        var drifted = new StringBuilder();
        var ok = new StringBuilder();
        for (var i = 0; i < strengths.Length; i++)
        {
            var h = strengths[i].Value / StrengthCap * (height - 2);
            if (h <= 0) continue;
            (strengths[i].Drift ? drifted : ok).Append('M').Append(Html.Px(i * bar)).Append(' ').Append(height).Append('v').Append(Html.Px(-h))
                .Append('h').Append(Html.Px(Math.Max(bar, 0.5))).Append('v').Append(Html.Px(h)).Append('z');
        }
        var limit = height - (height - 2) / StrengthCap;
        return $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" preserveAspectRatio=\"none\">"
            + $"<title>Drift strength of all {strengths.Length} columns, sorted (threshold line at 1)</title>"
            + $"<path class=\"drift\" d=\"{drifted}\"/><path class=\"ok\" d=\"{ok}\"/><path class=\"limit\" d=\"M0 {Html.Px(limit)}H{width}\"/></svg>";
    }

    /// <summary>A line over time (a monitor's history): one point per report, labels on the axis ends, an optional dashed limit.</summary>
    public static string Trend(IReadOnlyList<(string Label, double Value)> points, double? limit, string title, int width = 640, int height = 140)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        const double bottom = 16, top = 6;
        var values = points.Select(p => p.Value).Where(double.IsFinite).Append(limit ?? 0).ToArray();
        var max = Math.Max(values.Max(), 1e-9);
        var plot = height - bottom - top;
        double X(int i) => points.Count == 1 ? width / 2.0 : 4 + i * (width - 8.0) / (points.Count - 1);
        double Y(double v) => top + plot - v / max * plot;
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\"><title>{Html.Escape(title)}</title>");
        svg.Append($"<path class=\"axis\" d=\"M0 {Html.Px(top + plot)}H{width}\"/>")
            .Append($"<text x=\"0\" y=\"{Html.Px(top + 8)}\">{Html.Escape(Html.Number(max))}</text>");
        if (limit is { } l) svg.Append($"<path class=\"limit\" d=\"M0 {Html.Px(Y(l))}H{width}\"/>");
        var line = string.Join(" ", points.Select((p, i) => double.IsFinite(p.Value) ? $"{Html.Px(X(i))},{Html.Px(Y(p.Value))}" : null).Where(s => s is not null));
        svg.Append($"<polyline class=\"line\" points=\"{line}\"/>");
        for (var i = 0; i < points.Count; i++)
            if (double.IsFinite(points[i].Value))
                svg.Append($"<circle class=\"line\" cx=\"{Html.Px(X(i))}\" cy=\"{Html.Px(Y(points[i].Value))}\" r=\"3\"><title>{Html.Escape(points[i].Label)}: {Html.Number(points[i].Value)}</title></circle>");
        if (points.Count > 0)
        {
            svg.Append($"<text x=\"0\" y=\"{height - 3}\">{Html.Escape(points[0].Label)}</text>")
                .Append($"<text x=\"{width}\" y=\"{height - 3}\" text-anchor=\"end\">{Html.Escape(points[^1].Label)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Pairs of bars per item (reference grey, current blue), scaled to the largest absolute value; for metrics and group rates.</summary>
    public static string PairedBars(IReadOnlyList<(string Label, double Reference, double Current)> items, string title, int width = 640)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(title);
        const int row = 22, label = 150;
        var plot = width - label - 60;
        var max = items.SelectMany(i => new[] { Math.Abs(i.Reference), Math.Abs(i.Current) }).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        if (max == 0) max = 1;
        var height = Math.Max(1, items.Count) * row + 4;
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\"><title>{Html.Escape(title)}</title>");
        for (var i = 0; i < items.Count; i++)
        {
            var (name, reference, current) = items[i];
            var y = i * row;
            svg.Append($"<text x=\"{label - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{Html.Escape(name)}</text>");
            if (double.IsFinite(reference)) svg.Append($"<rect class=\"ref\" x=\"{label}\" y=\"{y + 2}\" width=\"{Html.Px(Math.Abs(reference) / max * plot)}\" height=\"8\"/>");
            if (double.IsFinite(current)) svg.Append($"<rect class=\"cur\" x=\"{label}\" y=\"{y + 11}\" width=\"{Html.Px(Math.Abs(current) / max * plot)}\" height=\"8\"/>");
            var end = label + (double.IsFinite(current) ? Math.Abs(current) / max * plot : 0) + 4;
            svg.Append($"<text x=\"{Html.Px(end)}\" y=\"{y + 19}\">{Html.Escape(Html.Number(current))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
