using System.Globalization;
using Steward.Drift;
using Steward.Governance.Errors;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Passes a batch's cells on to its <see cref="ProfileSink"/> and, per row, adds the label, prediction (and score) to the
/// window's performance accumulator and the row's sensitive groups to the fairness ones, when the row carries both a label
/// and a prediction (rows without a label are predictions whose ground truth has not arrived: drift only). A regression
/// label or prediction that is not a number, or a score that is not a number, is an error naming its line.
/// With the monitor's <c>id_column</c>, a row with a prediction and an id but no label is kept in <see cref="Pending"/>
/// to wait for its label; the id column need not be in the reference (it is never profiled then).
/// </summary>
internal sealed class QualitySink : IBatchSink
{
    private readonly ProfileSink _profile;
    private const int IdOutsideReference = 1 << 30;
    private readonly int _label, _prediction, _score, _id;
    private readonly string? _idName;
    private readonly bool _regression;
    private readonly (int Column, string Attribute)[] _sensitive;
    private readonly string?[] _cells;
    private readonly string[] _names;
    private int _line;

    public QualitySink(ProfileSink profile, DriftMonitor monitor)
    {
        _profile = profile;
        Quality = WindowQuality.Empty(monitor);
        var names = new List<string>();
        int Index(string? name)
        {
            if (name is null) return -1;
            names.Add(name);
            return names.Count - 1;
        }
        _label = Index(monitor.Label);
        _prediction = Index(monitor.Prediction);
        _score = Index(monitor.PredictionScore);
        _idName = monitor.Spec().JoinsLateLabels ? monitor.IdColumn : null;
        _id = Index(_idName);
        _regression = monitor.Task == "regression";
        _sensitive = [.. Quality.Fairness.Keys.Select(a => (Index(a), a))];
        _names = [.. names];
        _cells = new string?[_names.Length];
        Map = new int[_names.Length];
        for (var i = 0; i < _names.Length; i++) Map[i] = monitor.Reference?.Columns.ContainsKey(_names[i]) == true ? profile.Column(_names[i]) : -1;
    }

    /// <summary>The batch's accumulators.</summary>
    public WindowQuality Quality { get; }

    /// <summary>Rows with a prediction and an id but no label: they wait for their label.</summary>
    public List<PendingPrediction> Pending { get; } = [];

    /// <summary>Rows with a prediction but neither label nor id (with an <c>id_column</c>): no label can ever join them.</summary>
    public long WithoutId { get; private set; }

    // The profile's column index of each role column (-1 when the reference lacks it).
    private int[] Map { get; }

    public int Column(string name) =>
        name == _idName && Map[_id] < 0 ? IdOutsideReference : _profile.Column(name);

    public void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line)
    {
        _line = line;
        if (column == IdOutsideReference)
        {
            _cells[_id] = kind == CellKind.JsonNull || text.IsEmpty ? null : text.ToString();
            return;
        }
        _profile.Cell(column, text, kind, line);
        for (var i = 0; i < Map.Length; i++)
            if (Map[i] == column) _cells[i] = kind == CellKind.JsonNull || text.IsEmpty ? null : text.ToString();
    }

    public void EndRow()
    {
        _profile.EndRow();
        if (_label >= 0 && _prediction >= 0 && _cells[_prediction] is { } prediction)
        {
            if (_cells[_label] is { } label) Labelled(label, prediction, Score());
            else if (_id >= 0) Wait(prediction, Score());
        }
        Array.Clear(_cells);
    }

    private double? Score()
    {
        if (_score < 0 || _cells[_score] is not { } s) return null;
        if (!ProfileSink.TryNumber(s, out var value) || !double.IsFinite(value))
            throw new ValidationFailedException("body", $"line {_line.ToString(CultureInfo.InvariantCulture)}, column '{_names[_score]}': '{Short(s)}' is not a finite number");
        return value;
    }

    // A prediction whose label has not come: kept with its id (a regression prediction must be a number already).
    private void Wait(string prediction, double? score)
    {
        if (_cells[_id] is not { } id)
        {
            WithoutId++;
            return;
        }
        if (id.Length > LateLabels.MaxIdLength || id.Any(char.IsControl))
            throw new ValidationFailedException("body", $"line {_line.ToString(CultureInfo.InvariantCulture)}, column '{_idName}': a row id must be at most {LateLabels.MaxIdLength} characters without control characters");
        if (_regression && (!ProfileSink.TryNumber(prediction, out var number) || !double.IsFinite(number)))
            throw new ValidationFailedException("body", $"line {_line.ToString(CultureInfo.InvariantCulture)}, column '{_names[_prediction]}': '{Short(prediction)}' is not a finite number (regression)");
        Dictionary<string, string>? groups = null;
        foreach (var (column, attribute) in _sensitive)
            if (_cells[column] is { } group) (groups ??= new(StringComparer.Ordinal))[attribute] = group;
        Pending.Add(new PendingPrediction(id, prediction, score, groups));
    }

    private void Labelled(string label, string prediction, double? score)
    {
        try
        {
            Quality.Performance.Add(label, prediction, score);
        }
        catch (DriftException e)
        {
            throw new ValidationFailedException("body", $"line {_line.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
        }
        foreach (var (column, attribute) in _sensitive)
            if (_cells[column] is { } group) Quality.Fairness[attribute].Add(group, label, prediction);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
