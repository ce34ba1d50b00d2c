using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Pii.Scanning;

/// <summary>
/// JSON Lines records: each line is read with <see cref="Utf8JsonReader"/> and its string and number values
/// become cells of column paths (<c>name</c>, <c>address.city</c>, <c>phones[]</c>; a line that is not an object is
/// <c>$</c>). For a redacted copy the lines are parsed into nodes instead, so values can be replaced.
/// </summary>
internal sealed class JsonlBatch : TextBatch
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IReadOnlyList<string>? _columns;
    private readonly bool _redact;
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private string?[]? _lines;
    private JsonNode?[]? _nodes;
    private List<(JsonNode Parent, string? Key, int Index)>? _leaves;

    public JsonlBatch(byte[] buffer, long bufferOffset, List<(int Start, int End)> records, IReadOnlyList<string>? columns, bool redact)
        : base(buffer, bufferOffset, records)
    {
        _columns = columns is { Count: > 0 } ? columns : null;
        _redact = redact;
    }

    public override void Prepare(CellMemo? memo)
    {
        if (_redact) { _lines = new string?[RowCount]; _nodes = new JsonNode?[RowCount]; _leaves = []; }
        var paths = new List<(string Path, bool IsArray)>();
        for (var r = 0; r < RowCount; r++)
        {
            if (Records[r].Start < 0) continue;
            ReadOnlySpan<byte> bytes = RecordBytes(r);
            if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
            if (bytes.Trim(" \t"u8).IsEmpty) { if (_lines is not null) _lines[r] = ""; continue; }
            if (!CheckUtf8(r, bytes)) bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
            var before = Cells.Count;
            try
            {
                if (_redact) ReadNode(r, bytes);
                else Read(r, bytes, paths);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                Cells.RemoveRange(before, Cells.Count - before);
                if (_leaves is not null) _leaves.RemoveRange(before, _leaves.Count - before);
                if (_lines is not null) _lines[r] = null;
                SkippedRows++;
                var at = e is JsonException { BytePositionInLine: { } p } ? OffsetOf(r) + p : OffsetOf(r);
                Problems.Add(new ScanProblem("invalid_json", FirstRow + r, at, "the line is not one JSON value; it was not scanned"));
            }
        }
    }

    private void Read(int row, ReadOnlySpan<byte> bytes, List<(string Path, bool IsArray)> stack)
    {
        stack.Clear();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject:
                    stack.Add((stack.Count == 0 ? "" : Child(stack, property), false));
                    break;
                case JsonTokenType.StartArray:
                    stack.Add((Child(stack, property), true));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                case JsonTokenType.String:
                    Add(row, Child(stack, property), reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    Add(row, Child(stack, property), Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
            }
        }
    }

    private static string Child(List<(string Path, bool IsArray)> stack, string? property)
    {
        if (stack.Count == 0) return "$";
        var (path, isArray) = stack[^1];
        if (isArray) return path + "[]";
        return path.Length == 0 ? property ?? "$" : path + "." + property;
    }

    private void ReadNode(int row, ReadOnlySpan<byte> bytes)
    {
        var node = JsonNode.Parse(bytes);
        _nodes![row] = node;
        _lines![row] = Encoding.UTF8.GetString(bytes);
        if (node is JsonObject root)
            foreach (var (key, value) in root.ToArray()) Walk(row, value, key, root, key, -1);
        else Walk(row, node, "$", null, null, -1);
    }

    private void Walk(int row, JsonNode? node, string path, JsonNode? parent, string? key, int index)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (k, v) in obj.ToArray()) Walk(row, v, path + "." + k, obj, k, -1);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(row, array[i], path + "[]", array, null, i);
                break;
            case JsonValue value when parent is not null && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                if (Add(row, path, text)) _leaves!.Add((parent, key, index));
                break;
        }
    }

    private bool Add(int row, string path, string text)
    {
        if (text.Length == 0 || !Selected(path)) return false;
        if (!_columnIndex.TryGetValue(path, out var column))
        {
            column = ColumnNames.Count;
            ColumnNames.Add(path);
            _columnIndex[path] = column;
        }
        Cells.Add(new Cell(row, column, text));
        return true;
    }

    private bool Selected(string path)
    {
        if (_columns is null) return true;
        foreach (var c in _columns)
        {
            if (path.StartsWith(c, StringComparison.Ordinal) && (path.Length == c.Length || path[c.Length] is '.' or '[')) return true;
        }
        return false;
    }

    public override void Redact()
    {
        var changed = new bool[RowCount];
        for (var i = 0; i < Cells.Count; i++)
        {
            if (FindingsOf(i).IsEmpty) continue;
            var (parent, key, index) = _leaves![i];
            var redacted = JsonValue.Create(Redactor.Redact(Cells[i].Text, FindingsOf(i)));
            if (key is not null) parent[key] = redacted;
            else parent[index] = redacted;
            changed[Cells[i].Row] = true;
        }
        var sb = new StringBuilder();
        for (var r = 0; r < RowCount; r++)
        {
            if (_lines![r] is not { } line) continue; // skipped rows are left out of the copy (the report says so)
            sb.Append(changed[r] ? _nodes![r]!.ToJsonString(WriteOptions) : line).Append('\n');
        }
        Redacted = sb;
    }
}
