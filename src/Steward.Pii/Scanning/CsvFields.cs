using System.Buffers;
using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>Splits one CSV record (without its newline) into unquoted, unescaped field texts.</summary>
internal static class CsvFields
{
    public static void Split(ReadOnlySpan<byte> record, byte delimiter, List<string> fields)
    {
        fields.Clear();
        if (record.Length > 0 && record[^1] == '\r') record = record[..^1];
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                i = Quoted(record, i + 1, delimiter, fields);
            }
            else
            {
                var k = record[i..].IndexOf(delimiter);
                var end = k < 0 ? record.Length : i + k;
                fields.Add(end == i ? "" : Encoding.UTF8.GetString(record[i..end]));
                i = end;
            }
            if (i >= record.Length) return;
            i++; // the delimiter
            if (i == record.Length) { fields.Add(""); return; }
        }
    }

    // Reads a quoted field starting after its opening quote; text after the closing quote (malformed) is kept.
    private static int Quoted(ReadOnlySpan<byte> record, int i, byte delimiter, List<string> fields)
    {
        var rented = ArrayPool<byte>.Shared.Rent(record.Length - i + 1);
        try
        {
            var n = 0;
            var quoted = true;
            while (i < record.Length)
            {
                var b = record[i];
                if (quoted)
                {
                    if (b == '"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == '"') { rented[n++] = (byte)'"'; i += 2; continue; }
                        quoted = false;
                        i++;
                        continue;
                    }
                }
                else if (b == delimiter) break;
                rented[n++] = b;
                i++;
            }
            fields.Add(n == 0 ? "" : Encoding.UTF8.GetString(rented, 0, n));
            return i;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends a field, quoted when it holds the delimiter, a quote or a line break.</summary>
    public static void Append(StringBuilder sb, string field, char delimiter)
    {
        if (field.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) < 0) { sb.Append(field); return; }
        sb.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
