namespace Steward.Drift.StatTests;

/// <summary><c>psi</c>: population stability index Σ (r − c)·ln(r / c) over the filled binned shares (not renormalised); drift when ≥ 0.1.</summary>
internal sealed class PsiStatTest : StatTest
{
    public override string Name => "psi";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtLeast;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (r, c) = Binning.Shares(samples, fillZeroes: true);
        var psi = 0.0;
        for (var i = 0; i < r.Length; i++) psi += (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        return new StatTestOutcome(psi);
    }
}
