namespace Steward.Pii.Scanning;

/// <summary>What one column holds so far.</summary>
internal sealed class ColumnAccumulator(string name)
{
    private readonly Dictionary<string, EntityAccumulator> _entities = new(StringComparer.Ordinal);
    private long _lastRow = -1;

    public long Cells { get; set; }

    public long Rows { get; private set; }

    public void Add(long row, in Finding finding, string text, ReadOnlySpan<Finding> all, int samples)
    {
        if (!_entities.TryGetValue(finding.EntityType, out var entity)) _entities[finding.EntityType] = entity = new EntityAccumulator(finding.EntityType);
        entity.Add(row, finding.Score);
        if (row != _lastRow) { Rows++; _lastRow = row; }
        if (entity.WantsSample(samples)) entity.AddSample(row, Redactor.Sample(text, all, finding));
    }

    public ColumnReport ToReport() => new()
    {
        Name = name,
        CellsScanned = Cells,
        RowsAffected = Rows,
        Entities = [.. _entities.Values.Select(e => e.ToFindings()).OrderByDescending(e => e.RowsAffected).ThenBy(e => e.EntityType, StringComparer.Ordinal)],
    };
}
