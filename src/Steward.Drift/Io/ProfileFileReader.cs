using System.Text.Json;
using Steward.Drift.Profiles;

namespace Steward.Drift.Io;

/// <summary>
/// One pass over a CSV, JSON Lines or Parquet file straight into a <see cref="ProfileBuilder"/>: no cell is kept. Columns are
/// read as numbers unless declared or hinted to be labels; a column whose cell is not a number (or a JSON string) turns into
/// labels, which the caller handles by reading the file again with that column as labels (<see cref="TurnedToLabels"/>).
/// </summary>
internal sealed class ProfileFileReader
{
    private readonly string _path;
    private readonly Func<Stream> _open;
    private readonly DataFormat _format;
    private readonly IReadOnlyDictionary<string, ProfileColumnKind> _kinds;
    private readonly IReadOnlySet<string> _numerical;
    private readonly ProfileBuilder _builder;
    private readonly List<int> _builderIndex = [];
    private readonly List<string> _names = [];
    private readonly List<int> _slots = [];
    private readonly List<bool> _labels = [];
    private readonly List<bool> _declaredNumbers = [];
    private string _lineWord = "line";
    private long _line;
    private readonly RowTap? _tap;

    /// <param name="path">The file's name in errors.</param>
    /// <param name="open">Opens the data (a new stream for each read; disposed after reading).</param>
    /// <param name="format">The data's format.</param>
    /// <param name="kinds">Columns read as labels or numbers from the start (declared or learnt); others start as numbers.</param>
    /// <param name="numerical">Columns declared numerical: a cell that is not a number is an error naming the line and column.</param>
    /// <param name="options">How the profile summarises the columns.</param>
    /// <param name="tap">Sees the cells of its columns row by row during the pass (started anew by each read).</param>
    public ProfileFileReader(string path, Func<Stream> open, DataFormat format, IReadOnlyDictionary<string, ProfileColumnKind> kinds, IReadOnlySet<string> numerical, ProfileOptions options, RowTap? tap = null)
    {
        _tap = tap;
        _path = path;
        _open = open;
        _format = format;
        _kinds = kinds;
        _numerical = numerical;
        _builder = new ProfileBuilder(options);
    }

    /// <summary>Columns read as numbers that met a cell that is not one; the profile's values for them are not usable.</summary>
    public HashSet<string> TurnedToLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>The column names in file order.</summary>
    public IReadOnlyList<string> Names => _names;

    public DriftProfile Read()
    {
        _tap?.Start();
        try
        {
            switch (_format)
            {
                case DataFormat.JsonLines: ReadJsonLines(); break;
                case DataFormat.Parquet: ReadParquet(); break;
                default: ReadCsv(); break;
            }
        }
        catch (IOException e)
        {
            throw new DriftException($"cannot read {_path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DriftException($"cannot read {_path}: {e.Message}", e);
        }
        if (_names.Count == 0) throw new DriftException($"{_path} has no columns");
        if (_builder.RowCount == 0) throw new DriftException($"{_path} has no data rows");
        return _builder.Build();
    }

    private int Column(string name)
    {
        var kind = _kinds.TryGetValue(name, out var k) ? k : ProfileColumnKind.Numbers;
        _names.Add(name);
        _builderIndex.Add(_builder.AddColumn(name, kind));
        _labels.Add(kind == ProfileColumnKind.Labels);
        _declaredNumbers.Add(_numerical.Contains(name));
        var slot = _tap?.SlotOf(name) ?? -1;
        _slots.Add(slot);
        if (slot >= 0) _tap!.Bind(slot, kind);
        return _names.Count - 1;
    }

    /// <summary>One cell: <paramref name="text"/> null for missing; <paramref name="isText"/> for JSON strings and booleans.</summary>
    private void Cell(int column, string? text, bool isText) => Cell(column, text, text is null, isText);

    /// <summary>One cell as a span (no allocation for numbers); <paramref name="missing"/> for an empty CSV cell or a null.</summary>
    private void Cell(int column, ReadOnlySpan<char> text, bool missing, bool isText)
    {
        var index = _builderIndex[column];
        if (missing)
        {
            _builder.AddMissing(index);
            return;
        }
        if (_labels[column])
        {
            _builder.AddLabel(index, text);
            if (_slots[column] >= 0) _tap!.Label(_slots[column], text.ToString());
            return;
        }
        var declared = _declaredNumbers[column];
        if ((!isText || declared) && TableReader.TryNumber(text, out var value))
        {
            Number(column, value);
            return;
        }
        if (declared)
            throw new DriftException($"{_path} {_lineWord} {_line}, column '{_names[column]}': '{(text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…"))}' is not a number");
        if (!TurnedToLabels.Contains(_names[column]) && _builder.TryRetype(index, ProfileColumnKind.Labels))
        {
            // Text before any number: the column is labels from here on, exactly as a second pass would read it.
            _labels[column] = true;
            if (_slots[column] >= 0) _tap!.Bind(_slots[column], ProfileColumnKind.Labels);
            Cell(column, text, missing: false, isText);
            return;
        }
        TurnedToLabels.Add(_names[column]);
        _builder.AddMissing(index);
    }

    private void Number(int column, double value)
    {
        _builder.AddNumber(_builderIndex[column], value);
        if (_slots[column] >= 0) _tap!.Number(_slots[column], value);
    }

    private void EndRow()
    {
        _builder.EndRow();
        _tap?.EndRow();
    }

    private bool IsNumbers(int column) => !_labels[column];

    private void ReadCsv()
    {
        using var reader = new StreamReader(_open());
        var csv = new CsvReader(reader, _path);
        if (!csv.Read()) return;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.FieldString(i);
            if (string.IsNullOrWhiteSpace(name)) throw new DriftException($"{_path} line {csv.Line}: column {i + 1} has no name");
            if (_names.Contains(name.Trim())) throw new DriftException($"{_path} line {csv.Line}: a column name appears twice");
            Column(name.Trim());
        }
        while (csv.Read())
        {
            if (csv.FieldCount != _names.Count) throw new DriftException($"{_path} line {csv.Line}: expected {_names.Count} fields, found {csv.FieldCount}");
            _line = csv.Line;
            for (var i = 0; i < csv.FieldCount; i++) Cell(i, csv.Field(i), csv.IsMissing(i), false);
            EndRow();
        }
    }

    private void ReadJsonLines()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        using var reader = new StreamReader(_open());
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using (var document = JsonLine.ParseObject(line, _path, lineNumber))
            {
                _line = lineNumber;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(property.Name, out var column)) index[property.Name] = column = Column(property.Name);
                    var value = property.Value;
                    switch (value.ValueKind)
                    {
                        case JsonValueKind.Null: Cell(column, null, false); break;
                        case JsonValueKind.Number when IsNumbers(column) && value.TryGetDouble(out var number): Number(column, number); break;
                        case JsonValueKind.Number: Cell(column, value.GetRawText(), false); break;
                        case JsonValueKind.String: Cell(column, value.GetString(), true); break;
                        case JsonValueKind.True: Cell(column, "true", true); break;
                        case JsonValueKind.False: Cell(column, "false", true); break;
                        default: throw new DriftException($"{_path} line {lineNumber}, column '{property.Name}': nested objects and arrays are not supported");
                    }
                }
                EndRow();
            }
        }
    }

    private void ReadParquet()
    {
        var table = ParquetTable.Read(_path, _open, Group);
        if (_names.Count == 0) foreach (var name in table.Names) Column(name);
    }

    /// <summary>One Parquet row group (memory is bounded by a row group).</summary>
    private void Group(RawTable group)
    {
        if (_names.Count == 0) foreach (var name in group.Names) Column(name);
        for (var row = 0; row < group.RowCount; row++)
        {
            (_lineWord, _line) = ("row", group.Lines[row]);
            for (var c = 0; c < group.Names.Count; c++) Cell(c, group.Cells[c][row], group.TextColumns.Contains(c));
            EndRow();
        }
    }
}
