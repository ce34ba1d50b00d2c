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
/// </summary>
internal sealed class QualitySink : IBatchSink
{
    private readonly ProfileSink _profile;
    private readonly int _label, _prediction, _score;
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
        _sensitive = [.. Quality.Fairness.Keys.Select(a => (Index(a), a))];
        _names = [.. names];
        _cells = new string?[_names.Length];
        Map = new int[_names.Length];
        for (var i = 0; i < _names.Length; i++) Map[i] = monitor.Reference?.Columns.ContainsKey(_names[i]) == true ? profile.Column(_names[i]) : -1;
    }

    /// <summary>The batch's accumulators.</summary>
    public WindowQuality Quality { get; }

    // The profile's column index of each role column (-1 when the reference lacks it).
    private int[] Map { get; }

    public int Column(string name) => _profile.Column(name);

    public void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line)
    {
        _profile.Cell(column, text, kind, line);
        _line = line;
        for (var i = 0; i < Map.Length; i++)
            if (Map[i] == column) _cells[i] = kind == CellKind.JsonNull || text.IsEmpty ? null : text.ToString();
    }

    public void EndRow()
    {
        _profile.EndRow();
        if (_label >= 0 && _prediction >= 0 && _cells[_label] is { } label && _cells[_prediction] is { } prediction)
        {
            double? score = null;
            if (_score >= 0 && _cells[_score] is { } s)
            {
                if (!ProfileSink.TryNumber(s, out var value) || !double.IsFinite(value))
                    throw new ValidationFailedException("body", $"line {_line.ToString(CultureInfo.InvariantCulture)}, column '{_names[_score]}': '{Short(s)}' is not a finite number");
                score = value;
            }
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
        Array.Clear(_cells);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
