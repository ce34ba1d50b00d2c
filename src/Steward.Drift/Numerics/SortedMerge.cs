namespace Steward.Drift.Numerics;

/// <summary>Walks the distinct values of two sorted samples together: per value, how many of each sample equal it.</summary>
internal static class SortedMerge
{
    /// <summary>Calls <paramref name="visit"/>(value, countInA, countInB) for each distinct value in ascending order.</summary>
    public static void ForEachDistinct(double[] a, double[] b, Action<double, int, int> visit)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var v = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            var ca = 0;
            while (i < a.Length && a[i] == v) { i++; ca++; }
            var cb = 0;
            while (j < b.Length && b[j] == v) { j++; cb++; }
            visit(v, ca, cb);
        }
    }

    /// <summary>Number of distinct values of a sorted array.</summary>
    public static int CountDistinct(double[] sorted)
    {
        if (sorted.Length == 0) return 0;
        var count = 1;
        for (var i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) count++;
        return count;
    }

    /// <summary>Index of the first element &gt;= value (NumPy searchsorted side="left").</summary>
    public static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Index of the first element &gt; value (NumPy searchsorted side="right").</summary>
    public static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Mean and population variance (ddof 0), two-pass as NumPy.</summary>
    public static (double Mean, double Variance) MeanVariance(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        var mean = sum / values.Length;
        var ss = 0.0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return (mean, ss / values.Length);
    }
}
