using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>mannw</c>: SciPy's <c>mannwhitneyu(reference, current, alternative="less")</c>, method auto (exact when a sample has
/// at most 8 values and there are no ties, else the normal approximation with tie and continuity corrections);
/// the statistic is U of the reference; drift when p &lt; 0.05. Beyond n₁n₂ = 4,000,000 (a tiny sample against a huge one)
/// the exact distribution would take seconds and hundreds of megabytes, and the normal approximation is used instead.
/// From a sketch: U from the two CDFs and the normal approximation without tie correction (bound in docs/DRIFT.md).
/// </summary>
internal sealed class MannWhitneyStatTest : NumericalStatTest
{
    public override string Name => "mannw";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.IsSketch) return Sketched(samples.ReferenceSketch!, samples.CurrentSketch!);
        var (r, c) = Numbers(samples);
        long n1 = r.Length, n2 = c.Length;
        double n = n1 + n2, rankSum = 0, tieTerm = 0, position = 0;
        var ties = false;
        SortedMerge.ForEachDistinct(r, c, (_, ca, cb) =>
        {
            double t = ca + cb;
            rankSum += ca * (position + (t + 1) / 2);
            tieTerm += t * t * t - t;
            if (t > 1) ties = true;
            position += t;
        });
        var u1 = rankSum - n1 * (n1 + 1) / 2.0;
        var u2 = n1 * n2 - u1;
        double p;
        if ((n1 <= 8 || n2 <= 8) && !ties && n1 * n2 <= MannWhitneyExact.MaxStatistic)
        {
            p = MannWhitneyExact.Sf((long)u2, (int)n1, (int)n2);
        }
        else
        {
            var s = Math.Sqrt(n1 * n2 / 12.0 * (n + 1 - tieTerm / (n * (n - 1))));
            p = Distributions.NormalSf((u2 - n1 * n2 / 2.0 - 0.5) / s);
        }
        return new StatTestOutcome(Math.Clamp(p, 0, 1), u1);
    }

    // From a sketch: U from the rank mass of the two CDFs at the real sizes, normal approximation with the continuity
    // correction; the tie correction needs the tie counts, which a sketch does not keep, and is left out.
    private static StatTestOutcome Sketched(SketchSample reference, SketchSample current)
    {
        double n1 = reference.Count, n2 = current.Count;
        var u1 = SketchDistances.MannWhitneyU(reference, current);
        var s = Math.Sqrt(n1 * n2 / 12.0 * (n1 + n2 + 1));
        var p = Distributions.NormalSf((n1 * n2 - u1 - n1 * n2 / 2.0 - 0.5) / s);
        return new StatTestOutcome(Math.Clamp(p, 0, 1), u1);
    }
}
