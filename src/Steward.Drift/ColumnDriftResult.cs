namespace Steward.Drift;

/// <summary>One column's drift result.</summary>
public sealed record ColumnDriftResult
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>How the column was compared.</summary>
    public required ColumnType ColumnType { get; init; }

    /// <summary>The test's Evidently name.</summary>
    public required string StatTestName { get; init; }

    /// <summary>The threshold the score was compared with.</summary>
    public required double StatTestThreshold { get; init; }

    /// <summary>The p-value for tests, the distance for distances; NaN when it could not be computed.</summary>
    public required double DriftScore { get; init; }

    /// <summary>The test statistic where the test has one besides its score.</summary>
    public double? Statistic { get; init; }

    /// <summary>Whether the column drifted.</summary>
    public required bool DriftDetected { get; init; }

    /// <summary>Values left after cleaning, reference and current.</summary>
    public required int ReferenceSize { get; init; }

    /// <summary>Values left after cleaning in the current data.</summary>
    public required int CurrentSize { get; init; }

    /// <summary>
    /// <see langword="null"/> normally; "insufficient data" when a sample is smaller than <see cref="DriftOptions.MinimumSampleSize"/>
    /// after cleaning; "missing in the current data"; "type changed: ..." (docs/DRIFT.md, "Bad input").
    /// </summary>
    public string? Note { get; init; }
}
