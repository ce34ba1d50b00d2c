using Steward.Drift.Performance;

namespace Steward.Drift.Reports;

/// <summary>Which columns hold the model's outcomes, for the performance and fairness sections of a report.</summary>
public sealed record ModelColumns
{
    /// <summary>The column of true outcomes (labels or numbers).</summary>
    public required string Target { get; init; }

    /// <summary>The column of predictions.</summary>
    public required string Prediction { get; init; }

    /// <summary>A column of scores for the positive class (classification; enables ROC AUC).</summary>
    public string? PredictionScore { get; init; }

    /// <summary>The task; <see langword="null"/> infers it (see <see cref="ModelQuality.InferTask"/>).</summary>
    public PerformanceTask? Task { get; init; }

    /// <summary>The positive class for precision, recall, F1, ROC AUC and fairness (default <c>1</c>).</summary>
    public string PositiveClass { get; init; } = "1";

    /// <summary>Sensitive attributes for the fairness section (classification only).</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = [];

    /// <summary>The privileged value per sensitive attribute, same order (empty: no AIF360 comparisons).</summary>
    public IReadOnlyList<string> Privileged { get; init; } = [];

    /// <summary>ROC AUC mode (exact by default).</summary>
    public RocAucMode AucMode { get; init; } = RocAucMode.Exact;

    /// <summary>The target, prediction and score columns: reports leave them out of feature drift unless asked.</summary>
    public IReadOnlyList<string> OutcomeColumns => [Target, Prediction, .. ScoreColumns];

    /// <summary>Every score column: the positive class's.</summary>
    public IReadOnlyList<string> ScoreColumns => PredictionScore is null ? [] : [PredictionScore];
}
