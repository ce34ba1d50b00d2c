namespace Steward.Drift.Performance;

/// <summary>How a <see cref="RocAucAccumulator"/> keeps scores.</summary>
public enum RocAucMode
{
    /// <summary>Keeps every score: the exact ROC AUC (memory grows with the rows).</summary>
    Exact,

    /// <summary>Counts scores in fixed equal-width bins: constant memory, AUC within a reported bound of the exact value.</summary>
    Binned,
}
