using Steward.Drift.Io;

namespace Steward.Drift.Performance;

/// <summary>
/// One mergeable accumulator for either task, fed with text as it comes from files and requests: a classification label
/// or prediction is any text (numbers compare as numbers), a regression label or prediction must parse as a number.
/// Monitors keep one per window and <see cref="Merge"/> batches; reports call <see cref="Result"/>.
/// </summary>
public sealed class PerformanceAccumulator
{
    private readonly ClassificationAccumulator? _classification;
    private readonly RegressionAccumulator? _regression;

    /// <summary>Creates an accumulator; <paramref name="positiveClass"/> and the AUC settings apply to classification.</summary>
    public PerformanceAccumulator(PerformanceTask task, string positiveClass = "1", RocAucMode aucMode = RocAucMode.Exact, int aucBins = 1000)
    {
        Task = task;
        if (task == PerformanceTask.Classification) _classification = new ClassificationAccumulator(positiveClass, aucMode, aucBins);
        else _regression = new RegressionAccumulator();
    }

    /// <summary>The task.</summary>
    public PerformanceTask Task { get; }

    /// <summary>Rows added.</summary>
    public long Count => _classification?.Count ?? _regression!.Count;

    /// <summary>
    /// Adds one row. Regression: both texts must be finite numbers (<see cref="DriftException"/> otherwise); classification:
    /// <paramref name="score"/> is the score of the positive class for ROC AUC.
    /// </summary>
    public void Add(string label, string prediction, double? score = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(prediction);
        if (_classification is not null)
        {
            if (score is { } s && !double.IsFinite(s)) throw new DriftException("a prediction score must be a finite number");
            _classification.Add(label, prediction, score);
            return;
        }
        _regression!.Add(Number(label, "label"), Number(prediction, "prediction"));
    }

    /// <summary>Adds another accumulator's rows (same task and settings).</summary>
    public void Merge(PerformanceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Task != Task) throw new ArgumentException("only accumulators of the same task merge", nameof(other));
        if (_classification is not null) _classification.Merge(other._classification!);
        else _regression!.Merge(other._regression!);
    }

    /// <summary>The metrics so far; throws <see cref="DriftException"/> when no row was added.</summary>
    public PerformanceMetrics Result() => _classification is not null
        ? new PerformanceMetrics { Task = Task, Count = Count, Classification = _classification.Result() }
        : new PerformanceMetrics { Task = Task, Count = Count, Regression = _regression!.Result() };

    private static double Number(string text, string what) =>
        TableReader.TryNumber(text, out var value) && double.IsFinite(value)
            ? value
            : throw new DriftException($"a regression {what} must be a finite number, not '{(text.Length <= 40 ? text : text[..40] + "…")}'");
}
