namespace Steward.Pii.Scanning;

/// <summary>A slice of one Parquet column's values in one row group.</summary>
internal sealed class ParquetBatch : RowBatch
{
    private readonly string?[] _values;
    private readonly int _from;

    public ParquetBatch(string column, string?[] values, int from, int count)
    {
        ColumnNames = [column];
        _values = values;
        _from = from;
        RowCount = count;
    }

    public override void Prepare()
    {
        for (var i = 0; i < RowCount; i++)
        {
            var v = _values[_from + i];
            if (!string.IsNullOrEmpty(v)) Cells.Add(new Cell(i, 0, v));
        }
    }
}
