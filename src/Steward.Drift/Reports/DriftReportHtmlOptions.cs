namespace Steward.Drift.Reports;

/// <summary>Presentation options of <see cref="DriftReportHtml"/>.</summary>
public sealed record DriftReportHtmlOptions
{
    /// <summary>The page's heading and title.</summary>
    public string Title { get; init; } = "Drift report";

    /// <summary>A line under the heading (datasets, model, time: the caller's words).</summary>
    public string? Subtitle { get; init; }

    /// <summary>One label per report of a history (dates, run ids), oldest first; default "1", "2"...</summary>
    public IReadOnlyList<string>? HistoryLabels { get; init; }

    /// <summary>Columns named in the score chart (all columns are listed below it either way).</summary>
    public int TopColumns { get; init; } = 30;
}
