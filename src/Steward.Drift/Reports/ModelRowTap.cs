using Steward.Drift.Fairness;
using Steward.Drift.Io;
using Steward.Drift.Performance;
using Steward.Drift.Profiles;

namespace Steward.Drift.Reports;

/// <summary>
/// The model quality of one file, fed row by row while the file is profiled: performance accumulators (both tasks while the
/// task is still open) and one fairness accumulator per sensitive attribute. Memory is the accumulators' (confusion counts,
/// scores for exact ROC AUC, group counts), never a table.
/// </summary>
internal sealed class ModelRowTap : RowTap
{
    private readonly ModelColumns _columns;
    private readonly int _target;
    private readonly int _prediction;
    private readonly int[] _scores;
    private readonly int[] _sensitive;
    private readonly HashSet<double> _targetValues = [];
    private readonly double[] _classScores;

    public ModelRowTap(ModelColumns columns, string which)
        : base([columns.Target, columns.Prediction, .. columns.ScoreColumns, .. columns.Sensitive])
    {
        _columns = columns;
        Which = which;
        _target = SlotOf(columns.Target);
        _prediction = SlotOf(columns.Prediction);
        _scores = columns.ScoreColumns.Select(SlotOf).ToArray();
        _sensitive = columns.Sensitive.Select(SlotOf).ToArray();
        Fairness = new FairnessAccumulator[columns.Sensitive.Count];
        _classScores = new double[columns.ClassScores.Count];
    }

    /// <summary>"reference" or "current", for messages.</summary>
    public string Which { get; }

    /// <summary>Classification quality; <see langword="null"/> once the task is known to be regression.</summary>
    public PerformanceAccumulator? Classification { get; private set; }

    /// <summary>Regression quality; <see langword="null"/> when the task cannot be regression.</summary>
    public PerformanceAccumulator? Regression { get; private set; }

    /// <summary>Rows without a target or a prediction.</summary>
    public long Skipped { get; private set; }

    /// <summary>Distinct finite target values, up to 6 (the task inference needs to know whether there are more than 5).</summary>
    public IReadOnlySet<double> TargetValues => _targetValues;

    /// <summary>Per sensitive attribute, its counts.</summary>
    public FairnessAccumulator[] Fairness { get; }

    /// <summary>Whether the file has the column (in the last pass).</summary>
    public bool Has(string column) => Kinds[SlotOf(column)] is not null;

    /// <summary>Whether the column was read as numbers (in the last pass).</summary>
    public bool IsNumbers(string column) => Kinds[SlotOf(column)] == ProfileColumnKind.Numbers;

    protected override void OnStart()
    {
        var task = _columns.Task ?? (_columns.ScoreColumns.Count > 0 ? PerformanceTask.Classification : (PerformanceTask?)null);
        Classification = task is null or PerformanceTask.Classification ? _columns.Accumulator(PerformanceTask.Classification) : null;
        Regression = task is null or PerformanceTask.Regression ? new PerformanceAccumulator(PerformanceTask.Regression) : null;
        Skipped = 0;
        _targetValues.Clear();
        for (var i = 0; i < Fairness.Length; i++) Fairness[i] = new FairnessAccumulator(_columns.Sensitive[i], _columns.PositiveClass);
    }

    protected override void OnRow()
    {
        var label = Text(_target);
        var predicted = Text(_prediction);
        if (label is null || predicted is null)
        {
            Skipped++;
            return;
        }
        var y = Value(_target);
        if (Regression is not null && Kinds[_target] == ProfileColumnKind.Numbers && Kinds[_prediction] == ProfileColumnKind.Numbers)
        {
            Regression.Add(y, Value(_prediction));
            if (_columns.Task is null && Classification is not null && _targetValues.Count <= 5 && _targetValues.Add(y) && _targetValues.Count > 5)
                Classification = null;   // numbers with more than 5 target values: the task is regression whatever the other file holds
        }
        if (Classification is not null)
        {
            if (_classScores.Length > 0)
            {
                for (var i = 0; i < _classScores.Length; i++) _classScores[i] = Value(_scores[i]);
                Classification.Add(label, predicted, _classScores);
            }
            else if (_scores.Length == 0) Classification.Add(label, predicted);
            else Classification.Add(label, predicted, Value(_scores[0]) is var s && double.IsFinite(s) ? s : null);
        }
        for (var i = 0; i < _sensitive.Length; i++)
            if (Text(_sensitive[i]) is { } group) Fairness[i].Add(group, label, predicted);
    }
}
