using System.Buffers;
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

    public override void Prepare(CellMemo? memo)
    {
        // Each record is decoded once into a reused character buffer and split there; a cell's string is the memo's
        // when the column has had that value before (its findings come with it), a new one otherwise.
        var fields = new List<(int Start, int Length)>();
        var header = _layout.Header;
        var fieldCountProblems = 0;
        var memos = memo is null ? null : new ColumnMemo?[header.Count];
        char[] chars = [];
        if (_keepRows) _rows = new string[]?[RowCount];
        try
        {
            for (var r = 0; r < RowCount; r++)
            {
                if (Records[r].Start < 0) continue;
                var bytes = RecordBytes(r);
                var record = CsvFields.SplitDecoded(bytes, _layout.Delimiter, CheckUtf8(r, bytes), ref chars, fields);
                if (fields.Count == 1 && fields[0].Length == 0) fields.Clear(); // a blank line
                if (fields.Count != header.Count && fields.Count > 0 && fieldCountProblems++ < MaxFieldCountProblems)
                    Problems.Add(new ScanProblem("field_count", FirstRow + r, OffsetOf(r),
                        $"the row has {fields.Count} field(s), the header {header.Count}; extra fields were scanned as column_N"));
                var row = _rows is null ? null : _rows[r] = new string[fields.Count];
                for (var c = 0; c < fields.Count; c++)
                {
                    var (start, length) = fields[c];
                    var scanned = length > 0 && (c >= header.Count || _layout.Selected[c]);
                    if (!scanned)
                    {
                        if (row is not null) row[c] = length == 0 ? "" : new string(record.Slice(start, length));
                        continue;
                    }
                    if (c >= header.Count) AddExtraColumn(c);
                    var text = record.Slice(start, length);
                    var columnMemo = memos is null ? null : c < memos.Length ? memos[c] ??= memo!.For(ColumnNames[c]) : memo!.For(ColumnNames[c]);
                    var cell = columnMemo is not null && columnMemo.TryGet(text, out var value, out var known)
                        ? new Cell(r, c, value, known)
                        : new Cell(r, c, new string(text));
                    if (row is not null) row[c] = cell.Text;
                    Cells.Add(cell);
                }
            }
        }
        finally
        {
            if (chars.Length > 0) ArrayPool<char>.Shared.Return(chars);
        }
        LookedUp = memo is not null;
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
