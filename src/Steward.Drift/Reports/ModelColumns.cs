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

    /// <summary>
    /// One score column per class (class → column, in the order of the probability matrix's columns), for multi-class ROC AUC
    /// (one-vs-rest and one-vs-one); exclusive with <see cref="PredictionScore"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClassScores { get; init; } = [];

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

    /// <summary>Every score column: the positive class's, or one per class.</summary>
    public IReadOnlyList<string> ScoreColumns => PredictionScore is null ? ClassScores.Select(p => p.Value).ToArray() : [PredictionScore];

    /// <summary>A new accumulator for these columns' task (classification with class scores when given).</summary>
    internal Performance.PerformanceAccumulator Accumulator(PerformanceTask task) =>
        task == PerformanceTask.Classification && ClassScores.Count > 0
            ? new Performance.PerformanceAccumulator(PositiveClass, ClassScores.Select(p => p.Key).ToArray(), AucMode)
            : new Performance.PerformanceAccumulator(task, PositiveClass, AucMode);

    /// <summary>Checks the combination: class scores exclusive with one score column, at least 2 classes, no class twice.</summary>
    internal void Validate()
    {
        if (ClassScores.Count == 0) return;
        if (PredictionScore is not null) throw new DriftException("give either one score column (the positive class's) or one per class, not both");
        if (ClassScores.Count < 2) throw new DriftException("multi-class ROC AUC needs a score column for each of at least 2 classes");
        if (ClassScores.Select(p => Performance.ClassLabel.Normalize(p.Key)).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DriftException($"class '{twice.Key}' has two score columns");
        if (Task == PerformanceTask.Regression) throw new DriftException("class scores need a classification task, and the task is regression");
    }
}
