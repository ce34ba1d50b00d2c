namespace Steward.Drift.StatTests;

/// <summary>A column drift test with Evidently's name, default threshold, comparison and allowed column types.</summary>
internal abstract class StatTest
{
    /// <summary>Evidently's name (<c>ks</c>, <c>psi</c>, <c>TVD</c>...).</summary>
    public abstract string Name { get; }

    public abstract double DefaultThreshold { get; }

    public abstract DriftComparison Comparison { get; }

    /// <summary>Whether the test applies to numerical columns.</summary>
    public virtual bool AllowsNumerical => true;

    /// <summary>Whether the test applies to categorical columns.</summary>
    public virtual bool AllowsCategorical => true;

    /// <summary>Computes the score on cleaned samples (both non-empty).</summary>
    public abstract StatTestOutcome Compute(ColumnSamples samples);

    public bool IsDrift(double score, double threshold) => !double.IsNaN(score) && Comparison switch
    {
        DriftComparison.AtMost => score <= threshold,
        DriftComparison.Below => score < threshold,
        DriftComparison.AtLeast => score >= threshold,
        _ => score > threshold,
    };

    /// <summary>The sorted numeric samples, or a clear error for label columns.</summary>
    protected (double[] Reference, double[] Current) Numbers(ColumnSamples samples) =>
        samples.IsSketch ? throw new DriftException($"{Name} needs the raw values, and the column is summarised by a quantile sketch: use an exact-mode profile")
        : samples.IsNumeric ? (samples.Reference!, samples.Current!) : throw new DriftException($"{Name} needs numbers, and the column holds labels");
}
