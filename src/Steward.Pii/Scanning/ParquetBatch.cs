namespace Steward.Pii.Scanning;

/// <summary>A slice of one Parquet column in one row group (values already read as text).</summary>
internal sealed class ParquetBatch : RowBatch
{
    private readonly string?[] _values;
    private readonly int _from;

    public ParquetBatch(string column, string?[] values, int from, int count, bool integer = false)
    {
        ColumnNames = [column];
        _values = values;
        _from = from;
        RowCount = count;
        Integer = integer;
    }

    /// <summary>The column's path.</summary>
    public string Column => ColumnNames[0];

    /// <summary>True for an integer column (its values were turned into text for the analysis).</summary>
    public bool Integer { get; }

    /// <summary>
    /// After <see cref="Redact"/>: the cells with findings, by row within the row group, and their redacted value
    /// (null for an integer, which cannot hold a placeholder).
    /// </summary>
    public List<(int Row, string? Value)> Replacements { get; } = [];

    public override void Prepare(CellMemo? memo)
    {
        for (var i = 0; i < RowCount; i++)
        {
            var v = _values[_from + i];
            if (!string.IsNullOrEmpty(v)) Cells.Add(new Cell(i, 0, v));
        }
    }

    public override void Redact()
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (FindingsOf(i).IsEmpty) continue;
            Replacements.Add((_from + Cells[i].Row, Integer ? null : Redactor.Redact(Cells[i].Text, FindingsOf(i))));
        }
    }
}
