using Steward.Drift.StatTests;

namespace Steward.Drift;

/// <summary>
/// One column of a report as planned: the two sides, the type, the test (or <see langword="null"/> for Evidently's default)
/// and threshold; a column that cannot be compared (missing in the current data, a type change) carries only its note.
/// </summary>
internal sealed record ColumnPlan(string Name, ColumnType Type, ColumnSource Reference, ColumnSource? Current, StatTest? Test, double? Threshold, int Seed)
{
    /// <summary>Why the column is not compared, or a remark on how it is compared.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the column is compared (otherwise <see cref="Note"/> says why not).</summary>
    public bool Compared { get; init; } = true;

    /// <summary>Fewer values than this after cleaning on either side is "insufficient data".</summary>
    public int MinimumSize { get; init; } = 1;

    public ColumnDriftResult Run()
    {
        if (!Compared || Current is null)
        {
            var fallback = Test ?? StatTestRegistry.Get(Type == ColumnType.Numerical ? "ks" : "chisquare");
            return Result(fallback, new StatTestOutcome(double.NaN), ClampSize(Reference.CleanCount), Current is null ? 0 : ClampSize(Current.CleanCount), Note);
        }
        ColumnSamples samples;
        try
        {
            samples = Reference.Samples(Type, Current);
        }
        catch (DriftException e)
        {
            throw new DriftException($"column '{Name}': {e.Message}", e);
        }
        samples.Seed = Seed;
        var insufficient = samples.ReferenceCount < Math.Max(1, MinimumSize) || samples.CurrentCount < Math.Max(1, MinimumSize);
        var test = Test ?? (insufficient ? StatTestRegistry.Get(Type == ColumnType.Numerical ? "ks" : "chisquare") : StatTestRegistry.Default(samples));
        var outcome = insufficient ? new StatTestOutcome(double.NaN) : Compute(test, samples);
        return Result(test, outcome, samples.ReferenceCount, samples.CurrentCount, insufficient ? "insufficient data" : Note);
    }

    private ColumnDriftResult Result(StatTest test, StatTestOutcome outcome, int referenceSize, int currentSize, string? note)
    {
        var threshold = Threshold ?? test.DefaultThreshold;
        return new ColumnDriftResult
        {
            Column = Name,
            ColumnType = Type,
            StatTestName = test.Name,
            StatTestThreshold = threshold,
            DriftScore = outcome.Score,
            Statistic = outcome.Statistic,
            DriftDetected = test.IsDrift(outcome.Score, threshold),
            ReferenceSize = referenceSize,
            CurrentSize = currentSize,
            Note = note,
        };
    }

    private StatTestOutcome Compute(StatTest test, ColumnSamples samples)
    {
        try
        {
            return test.Compute(samples);
        }
        catch (DriftException e)
        {
            throw new DriftException($"column '{Name}': {e.Message}", e);
        }
    }

    private static int ClampSize(long size) => (int)Math.Min(size, int.MaxValue);
}
