using System.Buffers;
using System.Text;
using System.Text.Json;
using Steward.Governance.Errors;

namespace Steward.Server.Monitors;

/// <summary>
/// Reads JSON Lines (one object per line; blank lines skipped) straight into a sink. Nested objects are flattened
/// with dots (<c>{"request": {"age": 3}}</c> is column <c>request.age</c>), so a sidecar's logged
/// <c>{request, prediction}</c> pairs read as columns; arrays are refused. Errors name the line and the column.
/// </summary>
internal static class JsonlBatchReader
{
    public static int Read(ReadOnlySpan<byte> body, IBatchSink sink)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new List<string>();
        var chars = ArrayPool<char>.Shared.Rent(256);
        var rows = 0;
        var line = 0;
        try
        {
            while (body.Length > 0)
            {
                line++;
                var end = body.IndexOf((byte)'\n');
                var record = end < 0 ? body : body[..end];
                body = end < 0 ? [] : body[(end + 1)..];
                if (record.Trim(" \t\r"u8).IsEmpty) continue;
                ReadObject(record, line, sink, names, prefix, ref chars);
                sink.EndRow();
                rows++;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        return rows;
    }

    private static void ReadObject(ReadOnlySpan<byte> record, int line, IBatchSink sink, Dictionary<string, int> names, List<string> prefix, ref char[] chars)
    {
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = 16 });
        prefix.Clear();
        string? property = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Invalid(line, null, "is not a JSON object");
            var depth = 1;
            while (depth > 0 && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        continue;
                    case JsonTokenType.StartObject:
                        prefix.Add(property!);
                        depth++;
                        continue;
                    case JsonTokenType.EndObject:
                        depth--;
                        if (prefix.Count > 0) prefix.RemoveAt(prefix.Count - 1);
                        continue;
                    case JsonTokenType.StartArray:
                        throw Invalid(line, Name(prefix, property!), "is an array; batches take one value per column");
                }
                var name = Name(prefix, property!);
                if (!names.TryGetValue(name, out var column)) names[name] = column = sink.Column(name);
                if (column < 0) continue;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                        if (chars.Length < length) { ArrayPool<char>.Shared.Return(chars); chars = ArrayPool<char>.Shared.Rent(length); }
                        var n = reader.CopyString(chars);
                        sink.Cell(column, chars.AsSpan(0, n), CellKind.JsonString, line);
                        break;
                    case JsonTokenType.Number:
                        var raw = reader.ValueSpan;
                        if (chars.Length < raw.Length) { ArrayPool<char>.Shared.Return(chars); chars = ArrayPool<char>.Shared.Rent(raw.Length); }
                        var m = Encoding.UTF8.GetChars(raw, chars);
                        sink.Cell(column, chars.AsSpan(0, m), CellKind.JsonNumber, line);
                        break;
                    case JsonTokenType.True:
                        sink.Cell(column, "true", CellKind.JsonBool, line);
                        break;
                    case JsonTokenType.False:
                        sink.Cell(column, "false", CellKind.JsonBool, line);
                        break;
                    default:
                        sink.Cell(column, [], CellKind.JsonNull, line);
                        break;
                }
            }
            if (reader.Read()) throw Invalid(line, null, "has text after its JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid(line, null, $"is not valid JSON (byte {e.BytePositionInLine + 1})");
        }
    }

    private static string Name(List<string> prefix, string property) =>
        prefix.Count == 0 ? property : string.Join('.', prefix) + "." + property;

    private static ValidationFailedException Invalid(int line, string? column, string message) =>
        new("body", column is null ? $"line {line} {message}" : $"line {line}, column '{column}' {message}");
}
