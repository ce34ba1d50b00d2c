using System.Globalization;

namespace Steward.Drift.Reports;

/// <summary>Builds a <see cref="ColumnHistogram"/> from a column's cleaned samples (binary searches on the sorted arrays: no extra pass).</summary>
internal static class ColumnHistograms
{
    private const int MaxBins = 40;

    public static ColumnHistogram? Of(ColumnSamples samples)
    {
        if (samples.ReferenceCount == 0 || samples.CurrentCount == 0) return null;
        if (samples.IsSketch && samples.HasMoreDistinctThan(20))
        {
            var (referenceSketch, currentSketch) = (samples.ReferenceSketch!, samples.CurrentSketch!);
            var edges = Binning.SturgesEdges(Math.Min(referenceSketch.Min, currentSketch.Min), Math.Max(referenceSketch.Max, currentSketch.Max),
                Math.Min(referenceSketch.Count + currentSketch.Count, (long)Math.Pow(2, MaxBins - 1)));
            return new ColumnHistogram
            {
                Edges = edges,
                Reference = Rounded(Profiles.SketchDistances.Counts(referenceSketch, edges)),
                Current = Rounded(Profiles.SketchDistances.Counts(currentSketch, edges)),
            };
        }
        if (samples.IsNumeric && !samples.IsSketch && MoreDistinctThan(samples.Reference!, samples.Current!, 20))
        {
            var (reference, current) = (samples.Reference!, samples.Current!);
            var edges = Binning.SturgesEdges(reference, current);
            if (edges.Length - 1 > MaxBins) edges = Binning.SturgesEdges(edges[0], edges[^1], (long)Math.Pow(2, MaxBins - 1));
            return new ColumnHistogram { Edges = edges, Reference = Binning.Counts(reference, edges), Current = Binning.Counts(current, edges) };
        }
        var categories = samples.Categories;
        var names = categories.LabelKeys ?? categories.NumericKeys!.Select(v => (v == 0 ? 0.0 : v).ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var order = Enumerable.Range(0, categories.Count)
            .OrderByDescending(i => categories.Reference[i] + categories.Current[i]).ThenBy(i => i).ToArray();
        var kept = order.Take(ColumnHistogram.MaxCategories).Order().ToList();
        var labels = kept.Select(i => names[i]).ToList();
        var r = kept.Select(i => categories.Reference[i]).ToList();
        var c = kept.Select(i => categories.Current[i]).ToList();
        if (order.Length > kept.Count)
        {
            var rest = order.Skip(kept.Count).ToArray();
            labels.Add(ColumnHistogram.OtherBin);
            r.Add(rest.Sum(i => categories.Reference[i]));
            c.Add(rest.Sum(i => categories.Current[i]));
        }
        return new ColumnHistogram { Categories = labels, Reference = r, Current = c };
    }

    /// <summary>Whether two sorted arrays hold more than <paramref name="limit"/> distinct values together: O(limit · log n), jumping over runs.</summary>
    private static bool MoreDistinctThan(double[] a, double[] b, int limit)
    {
        var seen = new HashSet<double>();
        foreach (var sorted in new[] { a, b })
        {
            for (var i = 0; i < sorted.Length; i = Numerics.SortedMerge.UpperBound(sorted, sorted[i]))
            {
                seen.Add(sorted[i]);
                if (seen.Count > limit) return true;
            }
        }
        return false;
    }

    /// <summary>Bin weights estimated from a sketch, as whole counts for the chart.</summary>
    private static long[] Rounded(double[] counts) => counts.Select(c => (long)Math.Round(c)).ToArray();
}
