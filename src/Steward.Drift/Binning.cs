using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift;

/// <summary>
/// Evidently's <c>get_binned_data</c>: shares per Sturges histogram bin for numerical columns with more than 20
/// distinct reference values, otherwise per distinct value; optionally with its empty-bin fill for PSI and KL.
/// </summary>
internal static class Binning
{
    public static (double[] Reference, double[] Current) Shares(ColumnSamples samples, bool fillZeroes)
    {
        double[] r, c;
        if (samples.Type == ColumnType.Numerical && samples.IsSketch && samples.DistinctReference() > 20)
        {
            var (rs, cs) = (samples.ReferenceSketch!, samples.CurrentSketch!);
            var sketchEdges = SturgesEdges(Math.Min(rs.Min, cs.Min), Math.Max(rs.Max, cs.Max), rs.Count + cs.Count);
            r = SketchDistances.Counts(rs, sketchEdges).Select(x => x / rs.Count).ToArray();
            c = SketchDistances.Counts(cs, sketchEdges).Select(x => x / cs.Count).ToArray();
        }
        else if (samples.Type == ColumnType.Numerical && samples.IsNumeric && samples.DistinctReference() > 20)
        {
            var edges = SturgesEdges(samples.Reference!, samples.Current!);
            r = Histogram(samples.Reference!, edges, samples.ReferenceCount);
            c = Histogram(samples.Current!, edges, samples.CurrentCount);
        }
        else
        {
            var categories = samples.Categories;
            r = categories.Reference.Select(x => (double)x / samples.ReferenceCount).ToArray();
            c = categories.Current.Select(x => (double)x / samples.CurrentCount).ToArray();
        }
        if (fillZeroes)
        {
            Fill(r);
            Fill(c);
        }
        return (r, c);
    }

    /// <summary>NumPy's <c>histogram_bin_edges(concat(a, b), bins="sturges")</c> for sorted a and b.</summary>
    public static double[] SturgesEdges(double[] a, double[] b)
    {
        var min = a.Length == 0 ? b[0] : b.Length == 0 ? a[0] : Math.Min(a[0], b[0]);
        var max = a.Length == 0 ? b[^1] : b.Length == 0 ? a[^1] : Math.Max(a[^1], b[^1]);
        return SturgesEdges(min, max, a.Length + b.Length);
    }

    /// <summary>Sturges edges over [min, max] for n values: width = ptp / (log2 n + 1), ceil(ptp / width) bins, linspace edges.</summary>
    public static double[] SturgesEdges(double min, double max, long n)
    {
        var ptp = max - min;
        if (ptp == 0)
        {
            min -= 0.5;
            max += 0.5;
        }
        var width = ptp / (Math.Log2(n) + 1.0);
        var bins = width != 0 ? (int)Math.Ceiling((max - min) / width) : 1;
        var edges = new double[bins + 1];
        var step = (max - min) / bins;
        for (var i = 0; i <= bins; i++) edges[i] = i * step + min;
        edges[bins] = max;
        return edges;
    }

    /// <summary>NumPy's <c>histogram</c> with explicit edges over a sorted sample, divided by <paramref name="size"/>.</summary>
    public static double[] Histogram(double[] sorted, double[] edges, int size)
    {
        var counts = Counts(sorted, edges);
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++) shares[i] = (double)counts[i] / size;
        return shares;
    }

    /// <summary>Counts per bin [e_i, e_i+1), the last bin closed.</summary>
    public static long[] Counts(double[] sorted, double[] edges)
    {
        var bins = edges.Length - 1;
        var counts = new long[bins];
        var previous = SortedMerge.LowerBound(sorted, edges[0]);
        for (var i = 0; i < bins; i++)
        {
            var next = i == bins - 1 ? SortedMerge.UpperBound(sorted, edges[i + 1]) : SortedMerge.LowerBound(sorted, edges[i + 1]);
            counts[i] = next - previous;
            previous = next;
        }
        return counts;
    }

    /// <summary>Zero shares become m / 10^6 when the smallest non-zero share m ≤ 0.0001, else 0.0001.</summary>
    public static void Fill(double[] shares)
    {
        var m = double.PositiveInfinity;
        foreach (var s in shares) if (s != 0 && s < m) m = s;
        if (double.IsPositiveInfinity(m)) return;
        var fill = m <= 0.0001 ? m / 1e6 : 0.0001;
        for (var i = 0; i < shares.Length; i++) if (shares[i] == 0) shares[i] = fill;
    }
}
