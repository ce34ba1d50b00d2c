namespace Steward.Drift;

/// <summary>A dataset drift report: per-column results and the dataset verdict.</summary>
public sealed record DriftReport
{
    /// <summary>Whether the share of drifted columns reached <see cref="DriftShare"/>.</summary>
    public required bool DatasetDrift { get; init; }

    /// <summary>Drifted columns / columns.</summary>
    public required double ShareOfDriftedColumns { get; init; }

    /// <summary>Columns compared.</summary>
    public required int NumberOfColumns { get; init; }

    /// <summary>Columns whose drift was detected.</summary>
    public required int NumberOfDriftedColumns { get; init; }

    /// <summary>The share at which the dataset counts as drifted.</summary>
    public required double DriftShare { get; init; }

    /// <summary>Per-column results in column order.</summary>
    public required IReadOnlyList<ColumnDriftResult> Columns { get; init; }

    /// <summary>Columns only in the current data (not compared), in their order there.</summary>
    public IReadOnlyList<string> ExtraColumns { get; init; } = [];
}
