using Steward.Drift.Numerics;

namespace Steward.Drift.StatTests;

/// <summary>
/// <c>chisquare</c>: SciPy's <c>chisquare(current counts, reference counts × n_cur / n_ref)</c> over the union of
/// categories; a category unseen in the reference gives an infinite statistic and p = 0; one category gives NaN.
/// </summary>
internal sealed class ChiSquareStatTest : CategoricalStatTest
{
    public override string Name => "chisquare";

    public override double DefaultThreshold => 0.05;

    public override DriftComparison Comparison => DriftComparison.Below;

    public override StatTestOutcome Compute(ColumnSamples samples) => PowerDivergence(samples, logLikelihood: false);

    /// <summary>SciPy's <c>power_divergence</c> with λ = 1 (Pearson) or λ = 0 (log-likelihood, the G-test).</summary>
    internal static StatTestOutcome PowerDivergence(ColumnSamples samples, bool logLikelihood)
    {
        var categories = samples.Categories;
        var scale = (double)samples.CurrentCount / samples.ReferenceCount;
        var statistic = 0.0;
        for (var i = 0; i < categories.Count; i++)
        {
            double observed = categories.Current[i], expected = categories.Reference[i] * scale;
            if (logLikelihood)
                statistic += observed == 0 ? 0 : 2 * observed * Math.Log(observed / expected);
            else
                statistic += (observed - expected) * (observed - expected) / expected;
        }
        return new StatTestOutcome(Distributions.ChiSquareSf(statistic, categories.Count - 1), statistic);
    }
}
