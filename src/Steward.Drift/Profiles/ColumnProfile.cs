namespace Steward.Drift.Profiles;

/// <summary>
/// One column of a <see cref="DriftProfile"/>: counts and moments (mergeable with Chan's formulas), and either the exact sorted
/// values, a KLL quantile sketch, exact counts of up to 1,000 distinct numbers, or exact label counts (capped, with "other").
/// </summary>
public sealed class ColumnProfile
{
    /// <summary>Distinct numbers counted exactly per numeric column (enough for Evidently's default-test choice and binning).</summary>
    public const int DistinctLimit = 1000;

    internal ColumnProfile(string name, ProfileColumnKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>Numbers or labels.</summary>
    public ProfileColumnKind Kind { get; }

    /// <summary>Present values (finite numbers, non-empty labels).</summary>
    public long Count { get; internal init; }

    /// <summary>Missing values: NaN, ±infinity, null or empty labels, or a row that did not give the column.</summary>
    public long MissingCount { get; internal init; }

    /// <summary>Smallest finite number (NaN for labels or no values).</summary>
    public double Min { get; internal init; } = double.NaN;

    /// <summary>Largest finite number (NaN for labels or no values).</summary>
    public double Max { get; internal init; } = double.NaN;

    /// <summary>Mean of the finite numbers (NaN for labels or no values).</summary>
    public double Mean { get; internal init; } = double.NaN;

    /// <summary>Sum of squared deviations from the mean (Welford; merged with Chan's formula).</summary>
    public double M2 { get; internal init; } = double.NaN;

    /// <summary>Population variance (ddof 0), M2 / Count.</summary>
    public double Variance => Count > 0 ? M2 / Count : double.NaN;

    /// <summary>Every finite number, sorted, in exact mode; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<double>? ExactValues => ExactArray;

    /// <summary>Count per distinct number while the column has at most <see cref="DistinctLimit"/> of them; otherwise <see langword="null"/>.</summary>
    public IReadOnlyDictionary<double, long>? ValueCounts { get; internal init; }

    /// <summary>Count per label for label columns (at most <see cref="ProfileOptions.MaxCategories"/>); otherwise <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, long>? Categories { get; internal init; }

    /// <summary>Labels beyond the category cap, counted together.</summary>
    public long OtherCount { get; internal init; }

    /// <summary>Whether the column is summarised by a quantile sketch rather than exactly.</summary>
    public bool IsSketch => Sketch is not null && ExactArray is null && ValueCounts is null;

    /// <summary>The sketch's accuracy parameter k, when the column holds a sketch.</summary>
    public int? SketchK => Sketch?.K;

    /// <summary>Whether reports from this column equal reports from the raw values.</summary>
    public bool IsExact => Kind == ProfileColumnKind.Labels ? OtherCount == 0 : !IsSketch;

    internal double[]? ExactArray { get; init; }

    internal KllSketch? Sketch { get; init; }

    /// <summary>The finite values sorted, when the profile holds them exactly (exact values or distinct counts); else <see langword="null"/>.</summary>
    internal double[]? SortedValues()
    {
        if (ExactArray is not null) return ExactArray;
        if (ValueCounts is null || Kind != ProfileColumnKind.Numbers) return null;
        var values = new double[checked((int)Count)];
        var k = 0;
        foreach (var (value, count) in ValueCounts.OrderBy(p => p.Key))
            for (var i = 0L; i < count; i++) values[k++] = value;
        return values;
    }
}
