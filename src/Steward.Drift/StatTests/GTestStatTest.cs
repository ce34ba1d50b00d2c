namespace Steward.Drift.StatTests;

/// <summary><c>g_test</c>: SciPy's <c>power_divergence(lambda_="log-likelihood")</c> with chisquare's expected counts; drift when p &lt; 0.1.</summary>
internal sealed class GTestStatTest : CategoricalStatTest
{
    public override string Name => "g_test";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples) => ChiSquareStatTest.PowerDivergence(samples, logLikelihood: true);
}
