using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift.StatTests;

/// <summary><c>wasserstein</c>: SciPy's Wasserstein-1 distance divided by max(reference std (ddof 0), 0.001); drift when ≥ 0.1.</summary>
internal sealed class WassersteinStatTest : NumericalStatTest
{
    public override string Name => "wasserstein";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtLeast;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.IsSketch)
        {
            var sketchNorm = Math.Max(Math.Sqrt(samples.ReferenceSketch!.Variance), 0.001);
            return new StatTestOutcome(SketchDistances.Wasserstein(samples.ReferenceSketch, samples.CurrentSketch!) / sketchNorm);
        }
        var (r, c) = Numbers(samples);
        var norm = Math.Max(Math.Sqrt(SortedMerge.MeanVariance(r).Variance), 0.001);
        return new StatTestOutcome(CdfDistance.Compute(r, c, 1) / norm);
    }
}
