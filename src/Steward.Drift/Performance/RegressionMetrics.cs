namespace Steward.Drift.Performance;

/// <summary>Regression quality over a set of rows; errors are prediction − label, as Evidently plots them.</summary>
public sealed record RegressionMetrics
{
    /// <summary>Rows measured.</summary>
    public required long Count { get; init; }

    /// <summary>Mean of (ŷ − y): positive when the model over-estimates.</summary>
    public required double MeanError { get; init; }

    /// <summary>Mean of |ŷ − y| (<c>mean_absolute_error</c>).</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>√(mean of (ŷ − y)²) (<c>mean_squared_error(squared=False)</c>).</summary>
    public required double RootMeanSquaredError { get; init; }

    /// <summary>1 − Σ(y − ŷ)² / Σ(y − ȳ)² (<c>r2_score</c>; with constant labels 1 for a perfect fit, else 0, as scikit-learn's force_finite; NaN with fewer than two rows).</summary>
    public required double R2 { get; init; }
}
