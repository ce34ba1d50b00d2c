using System.Globalization;
using Steward.Governance.Errors;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Reads a labels file (CSV or JSON Lines) with the monitor's <c>id_column</c> and <c>label</c> columns (others are
/// ignored and listed): every row needs both, an id of at most 200 characters without control characters, and for
/// regression a finite number as label; each error names its line and column.
/// </summary>
internal sealed class LabelSink(DriftMonitor monitor, bool jsonl) : IBatchSink
{
    private readonly string _id = monitor.IdColumn!;
    private readonly string _label = monitor.Label!;
    private readonly bool _regression = monitor.Task == "regression";
    private string? _rowId, _rowLabel;
    private int _line;
    private bool _sawId, _sawLabel;

    /// <summary>The labels in file order.</summary>
    public List<(int Line, string Id, string Label)> Labels { get; } = [];

    /// <summary>Columns other than the id and the label.</summary>
    public List<string> Ignored { get; } = [];

    public int Column(string name)
    {
        if (name == _id) { _sawId = true; return 0; }
        if (name == _label) { _sawLabel = true; return 1; }
        if (!Ignored.Contains(name)) Ignored.Add(name);
        return -1;
    }

    public void Cell(int column, ReadOnlySpan<char> text, CellKind kind, int line)
    {
        _line = line;
        var value = kind == CellKind.JsonNull || text.IsEmpty ? null : text.ToString();
        if (column == 0) _rowId = value;
        else _rowLabel = value;
    }

    public void EndRow()
    {
        if (!jsonl) HeaderCheck();
        var line = _line.ToString(CultureInfo.InvariantCulture);
        if (_rowId is not { } id) throw Problem(line, _id, "has no row id");
        if (id.Length > LateLabels.MaxIdLength || id.Any(char.IsControl))
            throw Problem(line, _id, $"a row id must be at most {LateLabels.MaxIdLength} characters without control characters");
        if (_rowLabel is not { } label) throw Problem(line, _label, "has no label");
        if (_regression && (!ProfileSink.TryNumber(label, out var number) || !double.IsFinite(number)))
            throw Problem(line, _label, $"'{(label.Length > 40 ? label[..40] + "…" : label)}' is not a finite number (regression)");
        Labels.Add((_line, id, label));
        (_rowId, _rowLabel) = (null, null);
    }

    /// <summary>A CSV header (or, after JSON Lines, every row) without the id or the label column is an error naming it.</summary>
    public void HeaderCheck()
    {
        foreach (var (seen, name, role) in new[] { (_sawId, _id, "id_column"), (_sawLabel, _label, "label") })
            if (!seen) throw new ValidationFailedException("body", $"has no column '{name}' (the monitor's {role})");
    }

    private static ValidationFailedException Problem(string line, string column, string message) =>
        new("body", $"line {line}, column '{column}': {message}");
}
