namespace Steward.Drift.StatTests;

/// <summary><c>jensenshannon</c>: SciPy's Jensen–Shannon distance (natural log) of the binned shares, without the empty-bin fill; drift when ≥ 0.1.</summary>
internal sealed class JensenShannonStatTest : StatTest
{
    public override string Name => "jensenshannon";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtLeast;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var (p, q) = Binning.Shares(samples, fillZeroes: false);
        double sp = p.Sum(), sq = q.Sum(), js = 0;
        for (var i = 0; i < p.Length; i++)
        {
            double a = p[i] / sp, b = q[i] / sq, m = (a + b) / 2;
            if (a > 0) js += a * Math.Log(a / m);
            if (b > 0) js += b * Math.Log(b / m);
        }
        return new StatTestOutcome(Math.Sqrt(js / 2));
    }
}
