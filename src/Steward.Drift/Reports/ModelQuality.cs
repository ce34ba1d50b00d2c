using System.Globalization;
using Steward.Drift.Fairness;
using Steward.Drift.Io;
using Steward.Drift.Performance;

namespace Steward.Drift.Reports;

/// <summary>Adds the performance and fairness sections to a drift report from the model's columns in the two tables.</summary>
public static class ModelQuality
{
    /// <summary>
    /// The report with <see cref="DriftReport.Performance"/> (and <see cref="DriftReport.Fairness"/> when sensitive columns are named).
    /// <paramref name="reference"/> may be <see langword="null"/> (no reference rows): then only the current data is measured.
    /// Rows whose target or prediction is missing are left out and counted; fairness leaves out rows with a missing group too.
    /// </summary>
    public static DriftReport Evaluate(DriftReport report, DriftTable? reference, DriftTable current, ModelColumns columns)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Privileged.Count != 0 && columns.Privileged.Count != columns.Sensitive.Count)
            throw new DriftException($"give one privileged value per sensitive column ({columns.Sensitive.Count}), not {columns.Privileged.Count}");
        columns.Validate();
        var task = columns.Task ?? InferTask(reference, current, columns);
        if (task == PerformanceTask.Regression && columns.Sensitive.Count > 0)
            throw new DriftException("fairness metrics need a classification task, and the task is regression");
        var (referenceMetrics, referenceSkipped) = reference is null ? (null, 0) : Measure(reference, "reference", columns, task);
        var (currentMetrics, currentSkipped) = Measure(current, "current", columns, task);
        var fairness = new List<FairnessSection>();
        for (var i = 0; i < columns.Sensitive.Count; i++)
        {
            var privileged = columns.Privileged.Count == 0 ? null : columns.Privileged[i];
            fairness.Add(new FairnessSection
            {
                Attribute = columns.Sensitive[i],
                Privileged = privileged,
                Reference = reference is null ? null : Fair(reference, "reference", columns, columns.Sensitive[i], privileged),
                Current = Fair(current, "current", columns, columns.Sensitive[i], privileged)!,
            });
        }
        return report with
        {
            Performance = new PerformanceSection
            {
                Task = task,
                Target = columns.Target,
                Prediction = columns.Prediction,
                PredictionScore = columns.PredictionScore,
                ClassScores = columns.ClassScores,
                Current = currentMetrics ?? throw new DriftException($"the current data has no row with both '{columns.Target}' and '{columns.Prediction}'"),
                Reference = referenceMetrics,
                CurrentSkippedRows = currentSkipped,
                ReferenceSkippedRows = referenceSkipped,
            },
            Fairness = fairness.Count == 0 ? null : fairness,
        };
    }

    /// <summary>
    /// <see cref="Evaluate"/> on files (CSV, JSON Lines, Parquet, as <c>steward drift report</c> reads them), for callers that
    /// compare profiles and hold no tables: <paramref name="referencePath"/> is <see langword="null"/> when the reference is
    /// a profile (then only the current data is measured). The files are read whole, once each.
    /// </summary>
    public static DriftReport EvaluateFiles(DriftReport report, string? referencePath, string currentPath, ModelColumns columns)
    {
        ArgumentNullException.ThrowIfNull(currentPath);
        var (reference, current, _) = TableReader.ReadPair(referencePath ?? currentPath, currentPath, [], []);
        return Evaluate(report, referencePath is null ? null : reference, current, columns);
    }

    /// <summary>
    /// Classification when a score column is named; regression when target and prediction are numbers in every table and the
    /// target has more than 5 distinct values; classification otherwise (labels, or numbers with few values such as 0/1).
    /// </summary>
    public static PerformanceTask InferTask(DriftTable? reference, DriftTable current, ModelColumns columns)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.ScoreColumns.Count > 0) return PerformanceTask.Classification;
        var tables = reference is null ? new[] { (current, "current") } : [(reference, "reference"), (current, "current")];
        if (!tables.All(t => Get(t.Item1, columns.Target, t.Item2).Numbers is not null && Get(t.Item1, columns.Prediction, t.Item2).Numbers is not null))
            return PerformanceTask.Classification;
        var distinct = tables.SelectMany(t => t.Item1.Find(columns.Target)!.Numbers!).Where(double.IsFinite).Distinct().Take(6).Count();
        return distinct > 5 ? PerformanceTask.Regression : PerformanceTask.Classification;
    }

    private static (PerformanceMetrics? Metrics, long Skipped) Measure(DriftTable table, string which, ModelColumns columns, PerformanceTask task)
    {
        var target = Get(table, columns.Target, which);
        var prediction = Get(table, columns.Prediction, which);
        var score = columns.PredictionScore is null ? null : Get(table, columns.PredictionScore, which);
        var classScores = columns.ClassScores.Select(p => Get(table, p.Value, which)).ToArray();
        foreach (var s in classScores.Prepend(score))
            if (s is not null && s.Numbers is null) throw new DriftException($"column '{s.Name}' in the {which} data must hold numbers (scores)");
        if (task == PerformanceTask.Regression)
            foreach (var c in new[] { target, prediction })
                if (c.Numbers is null) throw new DriftException($"column '{c.Name}' in the {which} data must hold numbers for a regression");
        var accumulator = columns.Accumulator(task);
        var rowScores = new double[classScores.Length];
        long skipped = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            if (Cell(target, row) is not { } label || Cell(prediction, row) is not { } predicted)
            {
                skipped++;
                continue;
            }
            if (classScores.Length > 0 && task == PerformanceTask.Classification)
            {
                for (var i = 0; i < classScores.Length; i++) rowScores[i] = classScores[i].Numbers![row];
                accumulator.Add(label, predicted, rowScores);
                continue;
            }
            double? s = score is not null && double.IsFinite(score.Numbers![row]) ? score.Numbers[row] : null;
            accumulator.Add(label, predicted, s);
        }
        return (accumulator.Count == 0 ? null : accumulator.Result(), skipped);
    }

    private static FairnessReport? Fair(DriftTable table, string which, ModelColumns columns, string attribute, string? privileged)
    {
        var group = Get(table, attribute, which);
        var target = Get(table, columns.Target, which);
        var prediction = Get(table, columns.Prediction, which);
        var counts = new FairnessAccumulator(attribute, columns.PositiveClass);
        for (var row = 0; row < table.RowCount; row++)
            if (Cell(group, row) is { } g && Cell(target, row) is { } label && Cell(prediction, row) is { } predicted)
                counts.Add(g, label, predicted);
        if (counts.Count == 0) return which == "current" ? throw new DriftException($"the current data has no complete row for the fairness of '{attribute}'") : null;
        if (privileged is not null && group.Numbers is not null) privileged = ClassLabel.Normalize(privileged);
        try
        {
            return counts.Result(privileged);
        }
        catch (DriftException e)
        {
            throw new DriftException($"{which} data: {e.Message}", e);
        }
    }

    private static DriftColumn Get(DriftTable table, string name, string which) =>
        table.Find(name) ?? throw new DriftException($"column '{name}' is not in the {which} data");

    private static string? Cell(DriftColumn column, int row)
    {
        if (column.Numbers is { } numbers) return double.IsFinite(numbers[row]) ? numbers[row].ToString("R", CultureInfo.InvariantCulture) : null;
        var label = column.Labels![row];
        return string.IsNullOrEmpty(label) ? null : label;
    }
}
