namespace Steward.Drift.Profiles;

/// <summary>The KS statistic, Wasserstein-1 distance and binned counts of weighted samples (exact counts or sketches).</summary>
internal static class SketchDistances
{
    /// <summary>sup |F_a − F_b| over the pooled values (SciPy's two-sided D).</summary>
    public static double Ks(SketchSample a, SketchSample b)
    {
        var max = 0.0;
        Walk(a, b, (fa, fb, _, _) => max = Math.Max(max, Math.Abs(fa - fb)));
        return Math.Min(max, 1);
    }

    /// <summary>∫ |F_a − F_b| dx (SciPy's <c>wasserstein_distance</c>).</summary>
    public static double Wasserstein(SketchSample a, SketchSample b)
    {
        var sum = 0.0;
        Walk(a, b, (fa, fb, x, next) => sum += Math.Abs(fa - fb) * (next - x));
        return sum;
    }

    /// <summary>Weights per bin [e_i, e_i+1), the last bin closed, scaled to the sample's count.</summary>
    public static double[] Counts(SketchSample sample, double[] edges)
    {
        var bins = edges.Length - 1;
        var counts = new double[bins];
        var total = sample.WeightBelow(double.PositiveInfinity, inclusive: true);
        var scale = total > 0 ? sample.Count / total : 0;
        var previous = sample.WeightBelow(edges[0], inclusive: false);
        for (var i = 0; i < bins; i++)
        {
            var next = sample.WeightBelow(edges[i + 1], inclusive: i == bins - 1);
            counts[i] = (next - previous) * scale;
            previous = next;
        }
        return counts;
    }

    /// <summary>Calls visit(F_a(x), F_b(x), x, next x) at each pooled value x, with the CDFs just after x.</summary>
    private static void Walk(SketchSample a, SketchSample b, Action<double, double, double, double> visit)
    {
        double ta = a.Weights.Sum(), tb = b.Weights.Sum(), ca = 0, cb = 0;
        int i = 0, j = 0;
        while (i < a.Values.Length || j < b.Values.Length)
        {
            var x = j >= b.Values.Length || (i < a.Values.Length && a.Values[i] <= b.Values[j]) ? a.Values[i] : b.Values[j];
            while (i < a.Values.Length && a.Values[i] == x) ca += a.Weights[i++];
            while (j < b.Values.Length && b.Values[j] == x) cb += b.Weights[j++];
            var next = Math.Min(i < a.Values.Length ? a.Values[i] : double.PositiveInfinity, j < b.Values.Length ? b.Values[j] : double.PositiveInfinity);
            visit(ca / ta, cb / tb, x, double.IsPositiveInfinity(next) ? x : next);
        }
    }
}
