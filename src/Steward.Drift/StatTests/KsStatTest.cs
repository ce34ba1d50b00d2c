using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift.StatTests;

/// <summary><c>ks</c>: SciPy's two-sided <c>ks_2samp</c> p-value (method auto); drift when p ≤ threshold (0.05).</summary>
internal sealed class KsStatTest : NumericalStatTest
{
    public override string Name => "ks";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.AtMost;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.IsSketch)
        {
            var ds = SketchDistances.Ks(samples.ReferenceSketch!, samples.CurrentSketch!);
            return new StatTestOutcome(SmirnovTwoSample.PValue(ds, samples.ReferenceCount, samples.CurrentCount), ds);
        }
        var (r, c) = Numbers(samples);
        var d = SmirnovTwoSample.Statistic(r, c);
        return new StatTestOutcome(SmirnovTwoSample.PValue(d, r.Length, c.Length), d);
    }
}
