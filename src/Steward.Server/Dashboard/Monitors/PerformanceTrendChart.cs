using System.Globalization;
using Steward.Drift.Performance;
using Steward.Governance.Monitors;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>
/// Inline SVG of a monitor's performance per run, drawn like <see cref="DriftTrendChart"/> (no script, presentation
/// attributes only): one line per metric shown — those with a threshold (dashed) first, then the task's usual ones
/// (accuracy, F1, ROC AUC; MAE, RMSE, R²) — each point titled with its run and value.
/// </summary>
internal static class PerformanceTrendChart
{
    private const int Width = 640;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 24;
    private const int PlotHeight = 70;
    private const int MaxMetrics = 4;
    private static readonly string[] ClassificationMetrics = ["accuracy", "f1", "roc_auc"];
    private static readonly string[] RegressionMetrics = ["mae", "rmse", "r2"];

    /// <summary>Whether a threshold on <paramref name="metric"/> is a maximum (errors) rather than a minimum (scores).</summary>
    public static bool IsMaximum(string metric) => MonitorSpec.MaximumMetrics.Contains(metric, StringComparer.Ordinal);

    /// <summary>The charts, or nothing when no run carries performance.</summary>
    public static Html Render(IReadOnlyList<(MonitorRun Run, PerformanceSection? Performance)> oldestFirst, IReadOnlyDictionary<string, double>? thresholds)
    {
        var measured = oldestFirst.FirstOrDefault(p => p.Performance is not null).Performance;
        if (measured is null) return Html.Empty;
        var usual = measured.Task == PerformanceTask.Classification ? ClassificationMetrics : RegressionMetrics;
        var metrics = (thresholds?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>()).Concat(usual).Distinct(StringComparer.Ordinal).Take(MaxMetrics);
        return Html.Join(metrics.Select(m => Metric(m, oldestFirst, thresholds?.TryGetValue(m, out var t) == true ? t : null)));
    }

    private static Html Metric(string metric, IReadOnlyList<(MonitorRun Run, PerformanceSection? Performance)> runs, double? threshold)
    {
        var values = runs.Select(r => r.Performance?.Current.Headline().FirstOrDefault(h => h.Name == metric).Value ?? double.NaN).ToArray();
        var finite = values.Where(double.IsFinite).Append(threshold ?? double.NaN).Where(double.IsFinite).ToArray();
        var bounded = metric != "mae" && metric != "rmse";
        var (low, high) = bounded ? (Math.Min(0, finite.DefaultIfEmpty(0).Min()), 1.0) : (0.0, Math.Max(1e-9, finite.DefaultIfEmpty(1).Max() * 1.1));
        var n = runs.Count;
        var plotWidth = Width - Left - Right;
        string X(int i) => N(n == 1 ? Left + plotWidth / 2.0 : Left + i * plotWidth / (double)(n - 1));
        string Y(double v) => N(Top + (1 - (Math.Clamp(v, low, high) - low) / (high - low)) * PlotHeight);
        var points = string.Join(' ', values.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v)).Select(p => $"{X(p.i)},{Y(p.v)}"));
        var marks = values.Select((v, i) => double.IsFinite(v) ? Html.Of($"""
            <circle cx="{X(i)}" cy="{Y(v)}" r="4" fill="{(Crossed(metric, v, threshold) ? "#b3261e" : "#1f6feb")}"><title>{metric} {ModelQualityView.Number(v)} · window {runs[i].Run.WindowSeq} · {Format.Iso(runs[i].Run.RunAt)}</title></circle>
            """) : Html.Empty);
        var limit = threshold is { } t ? Html.Of($"""<line x1="{Left}" y1="{Y(t)}" x2="{Width - Right}" y2="{Y(t)}" stroke="#b3261e" stroke-width="1.5" stroke-dasharray="6 4"><title>threshold: {(IsMaximum(metric) ? "at most" : "at least")} {ModelQualityView.Number(t)}</title></line>""") : Html.Empty;
        var height = Top + PlotHeight + 8;
        return Html.Of($"""
            <svg class="performance-trend" viewBox="0 0 {Width} {height}" width="100%" role="img" aria-label="{metric} per run" xmlns="http://www.w3.org/2000/svg">
              <title>{metric} of the window per run{(threshold is { } th ? $" (dashed: threshold {ModelQualityView.Number(th)})" : "")}</title>
              <text x="{Left}" y="14" font-size="12" font-weight="600" fill="#0f1b2d">{metric}</text>
              <line x1="{Left}" y1="{Y(low)}" x2="{Width - Right}" y2="{Y(low)}" stroke="#d0d7de" stroke-width="1"/>
              <text x="{Left - 6}" y="{Y(high)}" dy="9" text-anchor="end" font-size="11" fill="#4a5568">{N(high)}</text>
              <text x="{Left - 6}" y="{Y(low)}" text-anchor="end" font-size="11" fill="#4a5568">{N(low)}</text>
              {limit}
              <polyline points="{points}" fill="none" stroke="#1f6feb" stroke-width="2"/>
              {marks}
            </svg>
            """);
    }

    private static bool Crossed(string metric, double value, double? threshold) =>
        threshold is { } t && (IsMaximum(metric) ? value > t : value < t);

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
