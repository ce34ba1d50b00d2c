using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>CSV records: fields are split and decoded on the worker; the header's names are the columns.</summary>
internal sealed class CsvBatch : TextBatch
{
    private const int MaxFieldCountProblems = 3;
    private readonly CsvLayout _layout;
    private readonly bool _keepRows;
    private string[]?[]? _rows;

    public CsvBatch(byte[] buffer, long bufferOffset, List<(int Start, int End)> records, CsvLayout layout, bool keepRows)
        : base(buffer, bufferOffset, records)
    {
        _layout = layout;
        _keepRows = keepRows;
        ColumnNames = layout.Header;
    }

    public override void Prepare()
    {
        var fields = new List<string>();
        var header = _layout.Header;
        var fieldCountProblems = 0;
        if (_keepRows) _rows = new string[]?[RowCount];
        for (var r = 0; r < RowCount; r++)
        {
            if (Records[r].Start < 0) continue;
            var bytes = RecordBytes(r);
            CheckUtf8(r, bytes);
            CsvFields.Split(bytes, _layout.Delimiter, fields);
            if (fields.Count == 1 && fields[0].Length == 0) fields.Clear(); // a blank line
            if (fields.Count != header.Count && fields.Count > 0 && fieldCountProblems++ < MaxFieldCountProblems)
                Problems.Add(new ScanProblem("field_count", FirstRow + r, OffsetOf(r),
                    $"the row has {fields.Count} field(s), the header {header.Count}; extra fields were scanned as column_N"));
            if (_rows is not null) _rows[r] = [.. fields];
            for (var c = 0; c < fields.Count; c++)
            {
                if (fields[c].Length == 0) continue;
                if (c >= header.Count) AddExtraColumn(c);
                else if (!_layout.Selected[c]) continue;
                Cells.Add(new Cell(r, c, fields[c]));
            }
        }
    }

    private void AddExtraColumn(int index)
    {
        if (ReferenceEquals(ColumnNames, _layout.Header)) ColumnNames = [.. _layout.Header];
        while (ColumnNames.Count <= index) ColumnNames.Add($"column_{ColumnNames.Count + 1}");
    }

    public override void Redact()
    {
        var rows = _rows!;
        for (var i = 0; i < Cells.Count; i++)
        {
            var findings = FindingsOf(i);
            if (findings.IsEmpty) continue;
            var cell = Cells[i];
            rows[cell.Row]![cell.Column] = Redactor.Redact(cell.Text, findings);
        }
        var sb = new StringBuilder();
        var delimiter = (char)_layout.Delimiter;
        foreach (var row in rows)
        {
            if (row is null) continue; // skipped rows are left out of the copy (the report says so)
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0) sb.Append(delimiter);
                CsvFields.Append(sb, row[c], delimiter);
            }
            sb.Append('\n');
        }
        Redacted = sb;
    }
}
