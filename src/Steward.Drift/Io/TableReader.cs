using System.Globalization;
using System.Text.Json;

namespace Steward.Drift.Io;

/// <summary>
/// Reads reference and current data from CSV (header row), JSON Lines (one object per line) or Parquet and types their columns
/// together: a column is numerical when every present cell of both files is a number (NaN and infinities included),
/// categorical otherwise; <c>categorical</c> and <c>numerical</c> override that. Errors name the file, line and column.
/// </summary>
public static class TableReader
{
    /// <summary>Reads both files and returns typed tables with the same column types.</summary>
    public static (DriftTable Reference, DriftTable Current, IReadOnlyDictionary<string, ColumnType> Types) ReadPair(
        string referencePath, string currentPath, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(numerical);
        if (categorical.Intersect(numerical, StringComparer.Ordinal).FirstOrDefault() is { } both)
            throw new DriftException($"column '{both}' cannot be both categorical and numerical");
        var reference = ReadRaw(referencePath);
        var current = ReadRaw(currentPath);
        foreach (var name in categorical.Concat(numerical))
            if (!reference.Names.Contains(name, StringComparer.Ordinal)) throw new DriftException($"column '{name}' is not in {referencePath}");
        var types = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var name in reference.Names)
        {
            var type = categorical.Contains(name) ? ColumnType.Categorical
                : numerical.Contains(name) ? ColumnType.Numerical
                : AllNumbers(reference, name) && AllNumbers(current, name) ? ColumnType.Numerical : ColumnType.Categorical;
            types[name] = type;
        }
        return (Typed(reference, types), Typed(current, types), types);
    }

    /// <summary>Reads one file by its extension: <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c> are JSON Lines, <c>.parquet</c> and <c>.pq</c> Parquet, anything else CSV.</summary>
    internal static RawTable ReadRaw(string path)
    {
        if (!File.Exists(path)) throw new DriftException($"{path} does not exist");
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        RawTable table;
        try
        {
            table = extension is ".jsonl" or ".ndjson" or ".json" ? ReadJsonLines(path) : extension is ".parquet" or ".pq" ? ParquetTable.Read(path) : ReadCsv(path);
        }
        catch (IOException e)
        {
            throw new DriftException($"cannot read {path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DriftException($"cannot read {path}: {e.Message}", e);
        }
        if (table.Names.Count == 0) throw new DriftException($"{path} has no columns");
        if (table.RowCount == 0) throw new DriftException($"{path} has no data rows");
        return table;
    }

    private static RawTable ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var csv = new CsvReader(reader, path);
        string[]? names = null;
        List<string?>[] cells = [];
        var lines = new List<int>();
        while (csv.Read())
        {
            if (names is null)
            {
                names = new string[csv.FieldCount];
                for (var i = 0; i < names.Length; i++)
                    names[i] = csv.FieldString(i) is { } f && !string.IsNullOrWhiteSpace(f) ? f.Trim() : throw new DriftException($"{path} line {csv.Line}: column {i + 1} has no name");
                if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw new DriftException($"{path} line {csv.Line}: a column name appears twice");
                cells = names.Select(_ => new List<string?>()).ToArray();
                continue;
            }
            if (csv.FieldCount != names.Length) throw new DriftException($"{path} line {csv.Line}: expected {names.Length} fields, found {csv.FieldCount}");
            for (var i = 0; i < csv.FieldCount; i++) cells[i].Add(csv.FieldString(i));
            lines.Add(csv.Line);
        }
        return new RawTable(path, names ?? [], cells, lines);
    }

    private static RawTable ReadJsonLines(string path)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new List<List<string?>>();
        var lines = new List<int>();
        var strings = new List<(int, int)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using (var document = JsonLine.ParseObject(line, path, lineNumber))
            {
                var row = lines.Count;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(property.Name, out var column))
                    {
                        column = names.Count;
                        index[property.Name] = column;
                        names.Add(property.Name);
                        cells.Add(Enumerable.Repeat<string?>(null, row).ToList());
                    }
                    var value = property.Value;
                    cells[column].Add(value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => throw new DriftException($"{path} line {lineNumber}, column '{property.Name}': nested objects and arrays are not supported"),
                    });
                    if (value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False) strings.Add((column, row));
                }
                lines.Add(lineNumber);
                foreach (var list in cells) if (list.Count < lines.Count) list.Add(null);
            }
        }
        var table = new RawTable(path, names, [.. cells], lines);
        foreach (var s in strings) table.JsonStrings.Add(s);
        return table;
    }

    private static bool AllNumbers(RawTable table, string name)
    {
        var column = IndexOf(table, name);
        if (column < 0) return true;
        if (table.TextColumns.Contains(column)) return false;
        var cells = table.Cells[column];
        for (var row = 0; row < cells.Count; row++)
        {
            var cell = cells[row];
            if (cell is null) continue;
            if (table.JsonStrings.Contains((column, row)) || !TryNumber(cell, out _)) return false;
        }
        return true;
    }

    private static DriftTable Typed(RawTable table, Dictionary<string, ColumnType> types)
    {
        var columns = new List<DriftColumn>();
        for (var c = 0; c < table.Names.Count; c++)
        {
            var name = table.Names[c];
            var cells = table.Cells[c];
            var type = types.TryGetValue(name, out var t) ? t : AllNumbers(table, name) ? ColumnType.Numerical : ColumnType.Categorical;
            if (type == ColumnType.Categorical)
            {
                columns.Add(DriftColumn.FromLabels(name, [.. cells]));
                continue;
            }
            var values = new double[cells.Count];
            for (var row = 0; row < cells.Count; row++)
            {
                var cell = cells[row];
                if (cell is null) values[row] = double.NaN;
                else if (!TryNumber(cell, out values[row]))
                    throw new DriftException($"{table.Path} {table.LineWord} {table.Lines[row]}, column '{name}': '{Truncate(cell)}' is not a number");
            }
            columns.Add(DriftColumn.FromNumbers(name, values));
        }
        return new DriftTable(columns);
    }

    private static int IndexOf(RawTable table, string name)
    {
        for (var i = 0; i < table.Names.Count; i++) if (table.Names[i] == name) return i;
        return -1;
    }

    /// <summary>Invariant-culture numbers, plus NaN and infinities as pandas and NumPy write them.</summary>
    internal static bool TryNumber(string text, out double value) => TryNumber(text.AsSpan(), out value);

    /// <summary>As <see cref="TryNumber(string, out double)"/>, without allocating for numbers.</summary>
    internal static bool TryNumber(ReadOnlySpan<char> text, out double value)
    {
        var s = text.Trim();
        if (s.Length > 0 && (char.IsAsciiDigit(s[^1]) || s[^1] == '.') && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        switch (s.ToString().ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && s.Length > 0;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
