using System.Buffers;
using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>Splits one CSV record (without its newline) into unquoted, unescaped field texts.</summary>
internal static class CsvFields
{
    /// <summary>
    /// Splits <paramref name="record"/> into field strings: the bytes are unquoted, then each field decoded on its own
    /// (the header, and records that are not valid UTF-8; the workers use <see cref="SplitDecoded"/>).
    /// </summary>
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

    /// <summary>
    /// Splits <paramref name="record"/> into fields given as ranges of the returned characters, which live in
    /// <paramref name="chars"/> (a pooled buffer, replaced by a larger one when the record needs it; the caller
    /// returns it). Valid UTF-8 is decoded once and split in place; a record that is not valid UTF-8 is split as
    /// bytes by <see cref="Split"/>, since unquoting can join the bytes on both sides of a quote into one character.
    /// </summary>
    public static Span<char> SplitDecoded(ReadOnlySpan<byte> record, byte delimiter, bool validUtf8, ref char[] chars, List<(int Start, int Length)> fields)
    {
        if (chars.Length < record.Length)
        {
            if (chars.Length > 0) ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(Math.Max(record.Length, 4096));
        }
        if (validUtf8)
        {
            var decoded = chars.AsSpan(0, Decode(record, chars));
            SplitInPlace(decoded, (char)delimiter, fields);
            return decoded;
        }
        var strings = new List<string>();
        Split(record, delimiter, strings);
        fields.Clear();
        var at = 0;
        foreach (var field in strings)
        {
            // Each invalid byte decodes to one U+FFFD and each valid sequence to no more characters than its bytes.
            field.CopyTo(chars.AsSpan(at));
            fields.Add((at, field.Length));
            at += field.Length;
        }
        return chars.AsSpan(0, at);
    }

    /// <summary>
    /// Decodes a record's (valid) UTF-8 into <paramref name="chars"/> (at least as long as the record), invalid bytes as U+FFFD,
    /// and returns the character count. A final carriage return is dropped first.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> record, Span<char> chars)
    {
        if (record.Length > 0 && record[^1] == '\r') record = record[..^1];
        return Encoding.UTF8.GetChars(record, chars);
    }

    /// <summary>
    /// Splits a decoded record (valid UTF-8) into fields, given as ranges of <paramref name="record"/>: a quoted field is unescaped
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
