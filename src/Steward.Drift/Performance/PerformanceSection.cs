namespace Steward.Drift.Performance;

/// <summary>The performance section of a drift report: the model's quality on the reference and current data.</summary>
public sealed record PerformanceSection
{
    /// <summary>Classification or regression.</summary>
    public required PerformanceTask Task { get; init; }

    /// <summary>The column of true outcomes.</summary>
    public required string Target { get; init; }

    /// <summary>The column of predictions.</summary>
    public required string Prediction { get; init; }

    /// <summary>The column of scores for the positive class, when given.</summary>
    public string? PredictionScore { get; init; }

    /// <summary>The score column of each class (multi-class ROC AUC), when given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClassScores { get; init; } = [];

    /// <summary>On the reference data; <see langword="null"/> when the reference has no rows to measure (a profile, say).</summary>
    public PerformanceMetrics? Reference { get; init; }

    /// <summary>On the current data.</summary>
    public required PerformanceMetrics Current { get; init; }

    /// <summary>Reference rows left out because the target or the prediction was missing.</summary>
    public long ReferenceSkippedRows { get; init; }

    /// <summary>Current rows left out because the target or the prediction was missing.</summary>
    public long CurrentSkippedRows { get; init; }

    /// <summary>Each headline metric on both datasets with its change.</summary>
    public IReadOnlyList<MetricChange> Changes()
    {
        var reference = Reference?.Headline().ToDictionary(m => m.Name, m => m.Value);
        return Current.Headline().Select(m => new MetricChange(m.Name, reference?.GetValueOrDefault(m.Name, double.NaN) ?? double.NaN, m.Value)).ToArray();
    }
}
