namespace Steward.Pii.Scanning;

/// <summary>Counts and scores of one entity type in one column.</summary>
internal sealed class EntityAccumulator(string entityType)
{
    private long _lastRow = -1;
    private double _min = double.MaxValue, _max, _sum;
    private readonly List<RedactedSample> _samples = [];

    public long Count { get; private set; }

    public long Rows { get; private set; }

    public void Add(long row, double score)
    {
        Count++;
        _sum += score;
        if (score < _min) _min = score;
        if (score > _max) _max = score;
        if (row != _lastRow) { Rows++; _lastRow = row; }
    }

    public bool WantsSample(int max) => _samples.Count < max;

    public void AddSample(long row, string text) => _samples.Add(new RedactedSample(row, text));

    public EntityFindings ToFindings() => new()
    {
        EntityType = entityType,
        Count = Count,
        RowsAffected = Rows,
        MinScore = Math.Round(_min, 4),
        MeanScore = Math.Round(_sum / Count, 4),
        MaxScore = Math.Round(_max, 4),
        Samples = [.. _samples],
    };
}
