namespace Steward.Pii.Scanning;

/// <summary>What was found of one entity type in one column.</summary>
public sealed record EntityFindings
{
    /// <summary>The entity type.</summary>
    public required string EntityType { get; init; }

    /// <summary>Results found.</summary>
    public long Count { get; init; }

    /// <summary>Rows with at least one result.</summary>
    public long RowsAffected { get; init; }

    /// <summary>The lowest score.</summary>
    public double MinScore { get; init; }

    /// <summary>The mean score.</summary>
    public double MeanScore { get; init; }

    /// <summary>The highest score.</summary>
    public double MaxScore { get; init; }

    /// <summary>A few cells around a result, every detected entity replaced by <c>&lt;TYPE&gt;</c> and other digits by <c>#</c>.</summary>
    public IReadOnlyList<RedactedSample> Samples { get; init; } = [];
}
