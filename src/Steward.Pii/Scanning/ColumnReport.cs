namespace Steward.Pii.Scanning;

/// <summary>What a scan found in one column.</summary>
public sealed record ColumnReport
{
    /// <summary>The column's name (CSV header, JSONL path, Parquet field path).</summary>
    public required string Name { get; init; }

    /// <summary>Non-empty cells analysed.</summary>
    public long CellsScanned { get; init; }

    /// <summary>Rows where this column holds at least one result.</summary>
    public long RowsAffected { get; init; }

    /// <summary>Per entity type, most rows first.</summary>
    public IReadOnlyList<EntityFindings> Entities { get; init; } = [];
}
