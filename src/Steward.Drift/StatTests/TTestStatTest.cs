using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary><c>t_test</c>: SciPy's Student two-sample <c>ttest_ind</c> (equal variances), two-sided p; drift when p &lt; 0.05.</summary>
internal sealed class TTestStatTest : NumericalStatTest
{
    public override string Name => "t_test";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        double n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double mean1, var1, mean2, var2;
        if (samples.IsSketch)
        {
            (mean1, var1) = (samples.ReferenceSketch!.Mean, samples.ReferenceSketch.Variance);
            (mean2, var2) = (samples.CurrentSketch!.Mean, samples.CurrentSketch.Variance);
        }
        else
        {
            var (r, c) = Numbers(samples);
            (mean1, var1) = SortedMerge.MeanVariance(r);
            (mean2, var2) = SortedMerge.MeanVariance(c);
        }
        var df = n1 + n2 - 2;
        var pooled = (n1 * var1 + n2 * var2) / df;
        var t = (mean1 - mean2) / Math.Sqrt(pooled * (1 / n1 + 1 / n2));
        if (double.IsNaN(t)) return new StatTestOutcome(double.NaN, double.NaN);
        return new StatTestOutcome(2 * Distributions.StudentTSf(Math.Abs(t), df), t);
    }
}
