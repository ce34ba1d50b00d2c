namespace Steward.Drift.Profiles;

/// <summary>
/// Statistics of weighted samples (exact counts or sketches) from their CDFs: KS, Wasserstein-1, the squared L2 distance
/// (energy distance), Cramér–von Mises, Mann–Whitney U, and binned counts. Error bounds for sketches: docs/DRIFT.md.
/// </summary>
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

    /// <summary>∫ (F_a − F_b)² dx: SciPy's <c>energy_distance</c> is √2 times its square root.</summary>
    public static double SquaredL2(SketchSample a, SketchSample b)
    {
        var sum = 0.0;
        Walk(a, b, (fa, fb, x, next) => sum += (fa - fb) * (fa - fb) * (next - x));
        return sum;
    }

    /// <summary>
    /// Anderson's two-sample Cramér–von Mises statistic in its CDF form, T = (n m / N) ∫ (F_a − F_b)² dH with H the pooled
    /// CDF of the real sizes n = <see cref="SketchSample.Count"/> of each side (SciPy's midrank statistic when there are no ties).
    /// </summary>
    public static double CramerVonMises(SketchSample a, SketchSample b)
    {
        double n = a.Count, m = b.Count, sum = 0;
        double previousA = 0, previousB = 0;
        Walk(a, b, (fa, fb, _, _) =>
        {
            var mass = (n * (fa - previousA) + m * (fb - previousB)) / (n + m);   // H's mass at this value
            sum += (fa - fb) * (fa - fb) * mass;
            (previousA, previousB) = (fa, fb);
        });
        return n * m / (n + m) * sum;
    }

    /// <summary>
    /// Mann–Whitney's U of side <paramref name="a"/>: n m ∫ Ḡ dF, with Ḡ the mid-CDF of <paramref name="b"/> (values of b below
    /// a value of a count 1, equal ones ½), at the real sizes.
    /// </summary>
    public static double MannWhitneyU(SketchSample a, SketchSample b)
    {
        double ta = a.Weights.Sum(), tb = b.Weights.Sum(), below = 0, sum = 0;
        var j = 0;
        for (var i = 0; i < a.Values.Length; i++)
        {
            var x = a.Values[i];
            while (j < b.Values.Length && b.Values[j] < x) below += b.Weights[j++];
            var at = j < b.Values.Length && b.Values[j] == x ? b.Weights[j] : 0;
            sum += a.Weights[i] / ta * (below + at / 2) / tb;
        }
        return (double)a.Count * b.Count * sum;
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
