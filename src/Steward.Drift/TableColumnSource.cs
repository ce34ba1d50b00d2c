namespace Steward.Drift;

/// <summary>A raw table column as a side to compare.</summary>
internal sealed class TableColumnSource : ColumnSource
{
    private readonly DriftColumn _column;

    public TableColumnSource(DriftColumn column)
    {
        _column = column;
    }

    public override string Name => _column.Name;

    public override bool IsNumbers => _column.Numbers is not null;

    public override long CleanCount => _column.Numbers is { } numbers ? numbers.Count(double.IsFinite) : _column.Labels!.Count(v => !string.IsNullOrEmpty(v));

    public override ColumnSamples Samples(ColumnType type, ColumnSource current)
    {
        var other = ((TableColumnSource)current)._column;
        return _column.Numbers is not null && other.Numbers is not null
            ? ColumnSamples.Numeric(type, _column.Numbers, other.Numbers)
            : ColumnSamples.Labels(Labels(_column), Labels(other));
    }

    private static string?[] Labels(DriftColumn column) => column.Labels ?? column.Numbers!.Select(NumberLabel).ToArray();
}
