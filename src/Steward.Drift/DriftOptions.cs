namespace Steward.Drift;

/// <summary>How a drift report is computed; the defaults are Evidently's.</summary>
public sealed class DriftOptions
{
    /// <summary>A test for every column instead of the per-column default (<see langword="null"/>: Evidently's default choice).</summary>
    public string? StatTest { get; init; }

    /// <summary>A threshold for every column instead of each test's default.</summary>
    public double? Threshold { get; init; }

    /// <summary>Overrides per column name; they win over <see cref="StatTest"/> and <see cref="Threshold"/>.</summary>
    public IReadOnlyDictionary<string, ColumnDriftOptions> PerColumn { get; init; } = new Dictionary<string, ColumnDriftOptions>();

    /// <summary>The dataset drifts when the share of drifted columns is at least this (default 0.5).</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>Column types that override the inference (numbers are numerical, labels categorical).</summary>
    public IReadOnlyDictionary<string, ColumnType> ColumnTypes { get; init; } = new Dictionary<string, ColumnType>();

    /// <summary>Columns to compare (<see langword="null"/>: every reference column).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// A sample with fewer values than this after cleaning (reference or current) is "insufficient data": no test, no drift.
    /// Default 1 (only an empty sample, as Evidently computes any non-empty sample); monitors raise it for their windows.
    /// </summary>
    public int MinimumSampleSize { get; init; } = 1;

    /// <summary>Seed of the permutation tests (TVD, empirical MMD), so reports are reproducible.</summary>
    public int PermutationSeed { get; init; }

    /// <summary>Columns compared in parallel (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
