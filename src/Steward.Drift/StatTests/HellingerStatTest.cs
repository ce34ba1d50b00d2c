namespace Steward.Drift.StatTests;

/// <summary>
/// <c>hellinger</c>: √(1 − clip(Σ √(p·q), 0, 1)) over category shares, or for numerical columns over densities in
/// Sturges bins built on the distinct values of reference ∪ current (times the mean bin width, as Evidently); drift when ≥ 0.1.
/// </summary>
internal sealed class HellingerStatTest : StatTest
{
    public override string Name => "hellinger";

    public override double DefaultThreshold => 0.1;

    public override DriftComparison Comparison => DriftComparison.AtLeast;

    public override StatTestOutcome Compute(ColumnSamples samples)
    {
        var sum = 0.0;
        if (samples.Type == ColumnType.Categorical || !samples.IsNumeric)
        {
            var categories = samples.Categories;
            for (var i = 0; i < categories.Count; i++)
                sum += Math.Sqrt((double)categories.Reference[i] / samples.ReferenceCount * ((double)categories.Current[i] / samples.CurrentCount));
        }
        else
        {
            var keys = samples.Categories.NumericKeys!;
            var edges = Binning.SturgesEdges(keys[0], keys[^1], keys.Length);
            var width = (edges[^1] - edges[0]) / (edges.Length - 1);
            var h1 = Density(samples.Reference!, edges);
            var h2 = Density(samples.Current!, edges);
            for (var i = 0; i < h1.Length; i++) sum += Math.Sqrt(h1[i] * h2[i]) * width;
        }
        return new StatTestOutcome(Math.Sqrt(1 - Math.Clamp(sum, 0, 1)));
    }

    private static double[] Density(double[] sorted, double[] edges)
    {
        var counts = Binning.Counts(sorted, edges);
        var total = (double)counts.Sum();
        var density = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++) density[i] = counts[i] / total / (edges[i + 1] - edges[i]);
        return density;
    }
}
