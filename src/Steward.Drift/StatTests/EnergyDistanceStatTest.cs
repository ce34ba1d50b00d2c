using Steward.Drift.Numerics;
using Steward.Drift.Profiles;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>ed</c>: SciPy's <c>energy_distance</c> (√2 × the L2 distance of the empirical CDFs); drift when &gt; 0.1. From a
/// sketch, the same integral over the sketch's CDF (error bound in docs/DRIFT.md).
/// </summary>
internal sealed class EnergyDistanceStatTest : NumericalStatTest
{
    public override string Name => "ed";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Above;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        if (samples.IsSketch) return new StatTestOutcome(Math.Sqrt(2 * SketchDistances.SquaredL2(samples.ReferenceSketch!, samples.CurrentSketch!)));
        var (r, c) = Numbers(samples);
        return new StatTestOutcome(Math.Sqrt(2) * CdfDistance.Compute(r, c, 2));
    }
}
