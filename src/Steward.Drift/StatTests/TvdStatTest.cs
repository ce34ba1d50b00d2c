namespace Steward.Drift.StatTests;

/// <summary>
/// <c>TVD</c>: total variation distance ½ Σ |r − c| of category shares (the statistic) and a permutation p-value (the score):
/// the share of 1,000 seeded random splits of the pooled values, at the original sizes, whose distance is at least the observed one.
/// Evidently's flag comes from NumPy's seeded generator and cannot be reproduced bit for bit; this p-value estimates the same quantity.
/// Drift when p &lt; 0.1.
/// </summary>
internal sealed class TvdStatTest : CategoricalStatTest
{
    internal const int Iterations = 1000;

    public override string Name => "TVD";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var categories = samples.Categories;
        int nRef = samples.ReferenceCount, nCur = samples.CurrentCount, k = categories.Count;
        var observed = Distance(categories.Reference, nRef, categories.Current, nCur);
        // The pooled sample as category codes; each permutation draws the smaller sample by a partial Fisher–Yates shuffle.
        var pooled = new int[nRef + nCur];
        var totals = new long[k];
        var at = 0;
        for (var i = 0; i < k; i++)
        {
            totals[i] = categories.Reference[i] + categories.Current[i];
            for (long j = 0; j < totals[i]; j++) pooled[at++] = i;
        }
        var drawn = Math.Min(nRef, nCur);
        var random = new Random(samples.Seed);
        var counts = new long[k];
        var rest = new long[k];
        var atLeast = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(counts);
            for (var i = 0; i < drawn; i++)
            {
                var j = random.Next(i, pooled.Length);
                (pooled[i], pooled[j]) = (pooled[j], pooled[i]);
                counts[pooled[i]]++;
            }
            for (var i = 0; i < k; i++) rest[i] = totals[i] - counts[i];
            var distance = nRef <= nCur ? Distance(counts, nRef, rest, nCur) : Distance(rest, nRef, counts, nCur);
            if (observed <= distance + 1e-12) atLeast++;
        }
        return new StatTestOutcome((double)atLeast / Iterations, observed);
    }

    internal static double Distance(long[] reference, long nRef, long[] current, long nCur)
    {
        var sum = 0.0;
        for (var i = 0; i < reference.Length; i++) sum += Math.Abs((double)reference[i] / nRef - (double)current[i] / nCur);
        return 0.5 * sum;
    }
}
