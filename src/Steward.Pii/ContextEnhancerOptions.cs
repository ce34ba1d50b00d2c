namespace Steward.Pii;

/// <summary>How context words raise scores; the defaults are Presidio's.</summary>
public sealed class ContextEnhancerOptions
{
    /// <summary>Added to a result's score when a context word is found (0.35).</summary>
    public double SimilarityFactor { get; init; } = 0.35;

    /// <summary>A boosted score is at least this (0.4).</summary>
    public double MinScoreWithContext { get; init; } = 0.4;

    /// <summary>How many words before a result are searched (5).</summary>
    public int PrefixCount { get; init; } = 5;

    /// <summary>How many words after a result are searched (0).</summary>
    public int SuffixCount { get; init; }
}
