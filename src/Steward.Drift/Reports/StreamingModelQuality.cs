using Steward.Drift.Fairness;
using Steward.Drift.Performance;

namespace Steward.Drift.Reports;

/// <summary>
/// Model quality measured while <see cref="Io.ProfileReader"/> profiles the files: pass it to <c>ReadPair</c> or
/// <c>ReadCurrent</c>, then call <see cref="Evaluate"/> on the report. Each file is read once for drift, performance and
/// fairness together, keeping only the accumulators' state; the sections equal <see cref="ModelQuality.Evaluate"/>'s on the
/// same rows. Columns are typed as the profiles type them (so <c>--categorical</c>/<c>--numerical</c> apply to them too).
/// </summary>
public sealed class StreamingModelQuality
{
    private readonly ModelColumns _columns;
    private bool _referenceRead;

    /// <summary>Measures <paramref name="columns"/>.</summary>
    public StreamingModelQuality(ModelColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Privileged.Count != 0 && columns.Privileged.Count != columns.Sensitive.Count)
            throw new DriftException($"give one privileged value per sensitive column ({columns.Sensitive.Count}), not {columns.Privileged.Count}");
        columns.Validate();
        _columns = columns;
        ReferenceTap = new ModelRowTap(columns, "reference");
        CurrentTap = new ModelRowTap(columns, "current");
    }

    internal ModelRowTap ReferenceTap { get; }

    internal ModelRowTap CurrentTap { get; }

    /// <summary>The reader calls this when it profiles the reference data (not a reference profile).</summary>
    internal void ReferenceIsData() => _referenceRead = true;

    /// <summary>The report with its performance (and fairness) sections; the reference is measured when it was data, not a profile.</summary>
    public DriftReport Evaluate(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reference = _referenceRead ? ReferenceTap : null;
        ModelRowTap[] taps = reference is null ? [CurrentTap] : [reference, CurrentTap];
        var task = _columns.Task ?? InferTask(taps);
        if (task == PerformanceTask.Regression && _columns.Sensitive.Count > 0)
            throw new DriftException("fairness metrics need a classification task, and the task is regression");
        foreach (var tap in taps) Check(tap, task);
        var referenceMetrics = reference is null ? null : Result(reference, task);
        var fairness = new List<FairnessSection>();
        for (var i = 0; i < _columns.Sensitive.Count; i++)
        {
            var privileged = _columns.Privileged.Count == 0 ? null : _columns.Privileged[i];
            fairness.Add(new FairnessSection
            {
                Attribute = _columns.Sensitive[i],
                Privileged = privileged,
                Reference = reference is null ? null : Fair(reference, i, privileged),
                Current = Fair(CurrentTap, i, privileged)!,
            });
        }
        return report with
        {
            Performance = new PerformanceSection
            {
                Task = task,
                Target = _columns.Target,
                Prediction = _columns.Prediction,
                PredictionScore = _columns.PredictionScore,
                ClassScores = _columns.ClassScores,
                Current = Result(CurrentTap, task) ?? throw new DriftException($"the current data has no row with both '{_columns.Target}' and '{_columns.Prediction}'"),
                Reference = referenceMetrics,
                CurrentSkippedRows = CurrentTap.Skipped,
                ReferenceSkippedRows = reference?.Skipped ?? 0,
            },
            Fairness = fairness.Count == 0 ? null : fairness,
        };
    }

    /// <summary>As <see cref="ModelQuality.InferTask"/>: regression when target and prediction are numbers everywhere and the target has more than 5 values.</summary>
    private PerformanceTask InferTask(ModelRowTap[] taps)
    {
        if (_columns.ScoreColumns.Count > 0) return PerformanceTask.Classification;
        foreach (var tap in taps)
            foreach (var column in new[] { _columns.Target, _columns.Prediction })
                Require(tap, column);
        if (!taps.All(t => t.IsNumbers(_columns.Target) && t.IsNumbers(_columns.Prediction))) return PerformanceTask.Classification;
        return taps.SelectMany(t => t.TargetValues).Distinct().Count() > 5 ? PerformanceTask.Regression : PerformanceTask.Classification;
    }

    private void Check(ModelRowTap tap, PerformanceTask task)
    {
        Require(tap, _columns.Target);
        Require(tap, _columns.Prediction);
        foreach (var score in _columns.ScoreColumns)
        {
            Require(tap, score);
            if (!tap.IsNumbers(score)) throw new DriftException($"column '{score}' in the {tap.Which} data must hold numbers (scores)");
        }
        if (task == PerformanceTask.Regression)
            foreach (var column in new[] { _columns.Target, _columns.Prediction })
                if (!tap.IsNumbers(column)) throw new DriftException($"column '{column}' in the {tap.Which} data must hold numbers for a regression");
        foreach (var attribute in _columns.Sensitive) Require(tap, attribute);
    }

    private static void Require(ModelRowTap tap, string column)
    {
        if (!tap.Has(column)) throw new DriftException($"column '{column}' is not in the {tap.Which} data");
    }

    private static PerformanceMetrics? Result(ModelRowTap tap, PerformanceTask task)
    {
        var accumulator = task == PerformanceTask.Classification ? tap.Classification : tap.Regression;
        if (accumulator is null) throw new InvalidOperationException($"the {task} accumulator of the {tap.Which} data was dropped");
        return accumulator.Count == 0 ? null : accumulator.Result();
    }

    private FairnessReport? Fair(ModelRowTap tap, int index, string? privileged)
    {
        var counts = tap.Fairness[index];
        var attribute = _columns.Sensitive[index];
        if (counts.Count == 0) return tap == CurrentTap ? throw new DriftException($"the current data has no complete row for the fairness of '{attribute}'") : null;
        if (privileged is not null && tap.IsNumbers(attribute)) privileged = ClassLabel.Normalize(privileged);
        try
        {
            return counts.Result(privileged);
        }
        catch (DriftException e)
        {
            throw new DriftException($"{tap.Which} data: {e.Message}", e);
        }
    }
}
