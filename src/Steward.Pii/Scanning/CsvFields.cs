using System.Buffers;
using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>Splits one CSV record (without its newline) into unquoted, unescaped field texts.</summary>
internal static class CsvFields
{
    /// <summary>Splits <paramref name="record"/> into field strings (the header; the workers use <see cref="SplitInPlace"/>).</summary>
    public static void Split(ReadOnlySpan<byte> record, byte delimiter, List<string> fields)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, record.Length));
        try
        {
            var n = Decode(record, chars);
            var ranges = new List<(int Start, int Length)>();
            SplitInPlace(chars.AsSpan(0, n), (char)delimiter, ranges);
            fields.Clear();
            foreach (var (start, length) in ranges) fields.Add(length == 0 ? "" : new string(chars, start, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Decodes a record's UTF-8 into <paramref name="chars"/> (at least as long as the record), invalid bytes as U+FFFD,
    /// and returns the character count. A final carriage return is dropped first.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> record, Span<char> chars)
    {
        if (record.Length > 0 && record[^1] == '\r') record = record[..^1];
        return Encoding.UTF8.GetChars(record, chars);
    }

    /// <summary>
    /// Splits a decoded record into fields, given as ranges of <paramref name="record"/>: a quoted field is unescaped
    /// where it stands (its text never grows), and text after its closing quote (malformed) is kept. The delimiter and
    /// the quote are ASCII, so splitting the decoded characters finds the same fields as splitting the bytes.
    /// </summary>
    public static void SplitInPlace(Span<char> record, char delimiter, List<(int Start, int Length)> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                var start = i;
                i = Unquote(record, i, delimiter, out var length);
                fields.Add((start, length));
            }
            else
            {
                var k = record[i..].IndexOf(delimiter);
                var end = k < 0 ? record.Length : i + k;
                fields.Add((i, end - i));
                i = end;
            }
            if (i >= record.Length) return;
            i++; // the delimiter
            if (i == record.Length) { fields.Add((i, 0)); return; }
        }
    }

    // Unescapes the quoted field whose opening quote is at start into record[start..start + length]; returns the
    // position after the field (its delimiter or the record's end).
    private static int Unquote(Span<char> record, int start, char delimiter, out int length)
    {
        var w = start;
        var i = start + 1;
        var quoted = true;
        while (i < record.Length)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < record.Length && record[i + 1] == '"') { record[w++] = '"'; i += 2; continue; }
                    quoted = false;
                    i++;
                    continue;
                }
            }
            else if (c == delimiter) break;
            record[w++] = c;
            i++;
        }
        length = w - start;
        return i;
    }

    /// <summary>Appends a field, quoted when it holds the delimiter, a quote or a line break.</summary>
    public static void Append(StringBuilder sb, string field, char delimiter)
    {
        if (field.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) < 0) { sb.Append(field); return; }
        sb.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
