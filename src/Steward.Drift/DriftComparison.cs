namespace Steward.Drift;

/// <summary>How a test's score is compared with its threshold to decide drift (Evidently's rule per test).</summary>
internal enum DriftComparison
{
    /// <summary>Drift when score ≤ threshold (ks, cramer_von_mises).</summary>
    AtMost,

    /// <summary>Drift when score &lt; threshold (most p-value tests).</summary>
    Below,

    /// <summary>Drift when score ≥ threshold (distances).</summary>
    AtLeast,

    /// <summary>Drift when score &gt; threshold (energy distance).</summary>
    Above,
}
