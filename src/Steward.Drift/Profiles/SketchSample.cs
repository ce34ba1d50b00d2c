namespace Steward.Drift.Profiles;

/// <summary>
/// One side of a numeric column compared from a profile: distinct values in ascending order with weights (exact counts, or a
/// KLL sketch's weights) summing to <see cref="Count"/>, and the exact moments, min and max of the profile.
/// </summary>
internal sealed class SketchSample
{
    private double[]? _cumulative;

    public SketchSample(double[] values, double[] weights, long count, double mean, double variance, double min, double max, bool exact)
    {
        Values = values;
        Weights = weights;
        Count = count;
        Mean = mean;
        Variance = variance;
        Min = min;
        Max = max;
        IsExact = exact;
    }

    public double[] Values { get; }

    public double[] Weights { get; }

    public long Count { get; }

    public double Mean { get; }

    /// <summary>Population variance (ddof 0).</summary>
    public double Variance { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Whether the weights are exact counts rather than a sketch's.</summary>
    public bool IsExact { get; }

    /// <summary>Distinct values when exact; otherwise more than <see cref="ColumnProfile.DistinctLimit"/>.</summary>
    public int Distinct => IsExact ? Values.Length : ColumnProfile.DistinctLimit + 1;

    /// <summary>Weight of values &lt; x (<paramref name="inclusive"/>: ≤ x).</summary>
    public double WeightBelow(double x, bool inclusive)
    {
        _cumulative ??= Cumulative();
        int lo = 0, hi = Values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Values[mid] < x || (inclusive && Values[mid] == x)) lo = mid + 1; else hi = mid;
        }
        return lo == 0 ? 0 : _cumulative[lo - 1];
    }

    /// <summary>The side from a profile column: exact values or counts when it has them, else its sketch.</summary>
    public static SketchSample From(ColumnProfile column)
    {
        double[] values, weights;
        var exact = true;
        if (column.ExactArray is { } sorted)
        {
            var distinct = new List<double>();
            var counts = new List<double>();
            foreach (var v in sorted)
            {
                if (distinct.Count > 0 && distinct[^1] == v) counts[^1]++;
                else
                {
                    distinct.Add(v);
                    counts.Add(1);
                }
            }
            values = [.. distinct];
            weights = [.. counts];
        }
        else if (column.ValueCounts is { } valueCounts)
        {
            var ordered = valueCounts.OrderBy(p => p.Key).ToArray();
            values = ordered.Select(p => p.Key).ToArray();
            weights = ordered.Select(p => (double)p.Value).ToArray();
        }
        else
        {
            (values, weights) = column.Sketch!.WeightedValues();
            exact = false;
        }
        return new SketchSample(values, weights, column.Count, column.Mean, column.Variance, column.Min, column.Max, exact);
    }

    private double[] Cumulative()
    {
        var cumulative = new double[Weights.Length];
        var sum = 0.0;
        for (var i = 0; i < Weights.Length; i++) cumulative[i] = sum += Weights[i];
        return cumulative;
    }
}
