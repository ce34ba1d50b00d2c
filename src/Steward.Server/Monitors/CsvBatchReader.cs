using Steward.Governance.Errors;

namespace Steward.Server.Monitors;

/// <summary>
/// Reads RFC 4180 CSV (a header row; fields quoted with <c>"</c>, <c>""</c> inside quotes; CRLF or LF; line breaks
/// inside quotes) straight into a sink, without building rows. Errors name the line.
/// </summary>
internal static class CsvBatchReader
{
    public static int Read(ReadOnlySpan<char> text, IBatchSink sink)
    {
        var pos = 0;
        var line = 1;
        var header = new List<string>();
        if (!ReadRecord(text, ref pos, ref line, (_, field, _) => header.Add(field.ToString()))) throw Invalid(1, "the body is empty: a header row is required");
        if (header.Count == 1 && header[0].Length == 0) throw Invalid(1, "the header row is empty");
        var map = new int[header.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!seen.Add(header[i])) throw Invalid(1, $"column '{header[i]}' appears twice in the header");
            map[i] = sink.Column(header[i]);
        }
        var rows = 0;
        var count = 0;
        var recordLine = line;
        FieldHandler onField = (index, field, quoted) =>
        {
            count = index + 1;
            if (index < map.Length && map[index] >= 0) sink.Cell(map[index], field, CellKind.Text, recordLine);
        };
        while (pos < text.Length)
        {
            if (text[pos] is '\r' or '\n')
            {
                pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                line++;
                continue;
            }
            recordLine = line;
            count = 0;
            ReadRecord(text, ref pos, ref line, onField);
            if (count != map.Length) throw Invalid(recordLine, $"{count} fields where the header has {map.Length}");
            sink.EndRow();
            rows++;
        }
        return rows;
    }

    private delegate void FieldHandler(int index, ReadOnlySpan<char> field, bool quoted);

    // Reads one record from pos; returns false at the end of the text.
    private static bool ReadRecord(ReadOnlySpan<char> text, ref int pos, ref int line, FieldHandler onField)
    {
        if (pos >= text.Length) return false;
        var index = 0;
        while (true)
        {
            if (pos < text.Length && text[pos] == '"')
            {
                var start = pos + 1;
                var i = start;
                var escaped = false;
                var fieldLine = line;
                while (true)
                {
                    if (i >= text.Length) throw Invalid(fieldLine, "a quoted field is not closed");
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { escaped = true; i += 2; continue; }
                        break;
                    }
                    if (c == '\n') line++;
                    i++;
                }
                var raw = text[start..i];
                onField(index, escaped ? raw.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : raw, true);
                pos = i + 1;
                if (pos < text.Length && text[pos] is not (',' or '\r' or '\n'))
                    throw Invalid(line, "a quoted field is followed by text before the next comma");
            }
            else
            {
                var rest = text[pos..];
                var end = rest.IndexOfAny(',', '\r', '\n');
                var field = end < 0 ? rest : rest[..end];
                if (field.Contains('"')) throw Invalid(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                onField(index, field, false);
                pos += field.Length;
            }
            index++;
            if (pos >= text.Length) return true;
            var sep = text[pos];
            if (sep == ',') { pos++; continue; }
            pos += sep == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
            line++;
            return true;
        }
    }

    private static ValidationFailedException Invalid(int line, string message) => new("body", $"line {line}: {message}");
}
