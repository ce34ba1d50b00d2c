using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift;

/// <summary>
/// A column's reference and current samples after Evidently's cleaning (missing values and ±infinity dropped):
/// sorted arrays of numbers, or label counts. Category counts are derived once, on demand.
/// </summary>
internal sealed class ColumnSamples
{
    private readonly string?[]? _referenceLabels;
    private readonly string?[]? _currentLabels;
    private CategoryCounts? _categories;

    private ColumnSamples(ColumnType type, double[]? reference, double[]? current, string?[]? referenceLabels, string?[]? currentLabels, int referenceCount, int currentCount)
    {
        Type = type;
        Reference = reference;
        Current = current;
        _referenceLabels = referenceLabels;
        _currentLabels = currentLabels;
        ReferenceCount = referenceCount;
        CurrentCount = currentCount;
    }

    public ColumnType Type { get; }

    /// <summary>Sorted, finite reference values; <see langword="null"/> for label columns.</summary>
    public double[]? Reference { get; }

    /// <summary>Sorted, finite current values; <see langword="null"/> for label columns.</summary>
    public double[]? Current { get; }

    public int ReferenceCount { get; }

    public int CurrentCount { get; }

    /// <summary>Seed for the permutation tests.</summary>
    public int Seed { get; set; }

    public bool IsNumeric => Reference is not null || IsSketch;

    /// <summary>The reference side when the column is compared from a profile's sketch (then <see cref="Reference"/> is <see langword="null"/>).</summary>
    public SketchSample? ReferenceSketch { get; private init; }

    /// <summary>The current side when the column is compared from a profile's sketch.</summary>
    public SketchSample? CurrentSketch { get; private init; }

    /// <summary>Whether one side is only known through a quantile sketch (tests that need the raw values refuse).</summary>
    public bool IsSketch => ReferenceSketch is not null;

    public CategoryCounts Categories => _categories ??= IsSketch
        ? throw new DriftException("the test needs every distinct value, and the column is summarised by a quantile sketch (more than 1,000 distinct values): use an exact-mode profile")
        : IsNumeric
            ? CategoryCounts.FromSorted(Reference!, Current!)
            : CategoryCounts.FromLabels(_referenceLabels!, _currentLabels!);

    /// <summary>Whether reference ∪ current has more than <paramref name="limit"/> distinct values (Evidently's n_values), without counting them all.</summary>
    public bool HasMoreDistinctThan(int limit)
    {
        if (IsSketch) return limit < ColumnProfile.DistinctLimit || ReferenceSketch!.Distinct + CurrentSketch!.Distinct > limit; // a sketched side has more than 1,000 distinct values
        if (!IsNumeric) return Categories.Count > limit;
        var seen = new HashSet<double>();
        foreach (var sample in new[] { Reference!, Current! })
        {
            for (var i = 0; i < sample.Length; i++)
            {
                if (i > 0 && sample[i] == sample[i - 1]) continue;
                seen.Add(sample[i]);
                if (seen.Count > limit) return true;
            }
        }
        return false;
    }

    /// <summary>Distinct reference values.</summary>
    public int DistinctReference() => IsSketch ? ReferenceSketch!.Distinct : IsNumeric ? SortedMerge.CountDistinct(Reference!) : Categories.Reference.Count(c => c > 0);

    public static ColumnSamples Numeric(ColumnType type, double[] reference, double[] current) =>
        Numeric(type, Clean(reference), Clean(current), cleaned: true);

    /// <summary>Samples already cleaned and sorted.</summary>
    public static ColumnSamples Numeric(ColumnType type, double[] reference, double[] current, bool cleaned) =>
        cleaned ? new(type, reference, current, null, null, reference.Length, current.Length) : Numeric(type, reference, current);

    /// <summary>Samples of which at least one side is a sketch.</summary>
    public static ColumnSamples Sketched(ColumnType type, SketchSample reference, SketchSample current) =>
        new(type, null, null, null, null, Size(reference.Count), Size(current.Count)) { ReferenceSketch = reference, CurrentSketch = current };

    /// <summary>Label samples given as counts (a profile's categories).</summary>
    public static ColumnSamples FromCounts(CategoryCounts counts, long referenceCount, long currentCount) =>
        new(ColumnType.Categorical, null, null, null, null, Size(referenceCount), Size(currentCount)) { _categories = counts };

    private static int Size(long count) =>
        count <= int.MaxValue ? (int)count : throw new DriftException($"a sample of {count} values is more than the {int.MaxValue} a report can compare");

    public static ColumnSamples Labels(string?[] reference, string?[] current)
    {
        var r = Clean(reference);
        var c = Clean(current);
        return new ColumnSamples(ColumnType.Categorical, null, null, r, c, r.Length, c.Length);
    }

    /// <summary>Finite values, sorted.</summary>
    internal static double[] Clean(double[] values)
    {
        var count = 0;
        foreach (var v in values) if (double.IsFinite(v)) count++;
        var result = new double[count];
        var k = 0;
        foreach (var v in values) if (double.IsFinite(v)) result[k++] = v;
        DoubleSort.Sort(result);
        return result;
    }

    private static string?[] Clean(string?[] values) =>
        Array.TrueForAll(values, v => !string.IsNullOrEmpty(v)) ? values : values.Where(v => !string.IsNullOrEmpty(v)).ToArray();
}
