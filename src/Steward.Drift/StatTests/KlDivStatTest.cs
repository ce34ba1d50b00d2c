namespace Steward.Drift.StatTests;

/// <summary><c>kl_div</c>: SciPy's <c>entropy(reference, current)</c> of the filled binned shares (renormalised); drift when ≥ 0.1.</summary>
internal sealed class KlDivStatTest : StatTest
{
    public override string Name => "kl_div";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtLeast;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (r, c) = Binning.Shares(samples, fillZeroes: true);
        double sr = r.Sum(), sc = c.Sum(), kl = 0;
        for (var i = 0; i < r.Length; i++)
        {
            double p = r[i] / sr, q = c[i] / sc;
            if (p > 0) kl += p * Math.Log(p / q);
        }
        return new StatTestOutcome(kl);
    }
}
