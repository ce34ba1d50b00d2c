using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>z</c>: Evidently's two-proportion z-test. The smallest category is coded 0, the rest 1; p = 2·(1 − Φ(|z|)),
/// computed as Evidently does (so it underflows to 0 for large |z|); both samples one and the same value: p = 1.
/// </summary>
internal sealed class ZStatTest : CategoricalStatTest
{
    public override string Name => "z";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var categories = samples.Categories;
        if (categories.Count == 1) return new StatTestOutcome(1.0);
        double n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        // Share of values other than the smallest category (coded 1).
        var p1 = (n1 - categories.Reference[0]) / n1;
        var p2 = (n2 - categories.Current[0]) / n2;
        var pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new StatTestOutcome(2 * (1 - Distributions.NormalCdf(Math.Abs(z))), z);
    }
}
