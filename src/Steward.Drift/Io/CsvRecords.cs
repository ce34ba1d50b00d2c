using System.Text;

namespace Steward.Drift.Io;

/// <summary>
/// RFC 4180 CSV records read char by char (quoted fields, doubled quotes, line breaks inside quotes), each with its starting line
/// number: the reader before <see cref="CsvReader"/>, kept as the reference of its differential tests and the baseline of the
/// <c>drift-csv-ingest</c> benchmark.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string?> Fields)> Read(TextReader reader, string path)
    {
        var line = 1;
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var recordLine = 1;
        var any = false;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    any = true;
                    break;
                case '"':
                    throw new DriftException($"{path} line {line}: a quote inside an unquoted field");
                case ',':
                    fields.Add(Field(field, wasQuoted));
                    wasQuoted = false;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(Field(field, wasQuoted));
                        yield return (recordLine, fields);
                        fields = [];
                    }
                    wasQuoted = false;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted) throw new DriftException($"{path} line {recordLine}: a quoted field is not closed");
        if (any || field.Length > 0)
        {
            fields.Add(Field(field, wasQuoted));
            yield return (recordLine, fields);
        }
    }

    private static string? Field(StringBuilder field, bool quoted)
    {
        var value = field.ToString();
        field.Clear();
        return value.Length == 0 && !quoted ? null : value;
    }
}
