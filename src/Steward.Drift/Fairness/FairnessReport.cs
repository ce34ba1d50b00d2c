namespace Steward.Drift.Fairness;

/// <summary>Fairness metrics of one sensitive attribute; NaN where a metric is undefined (no positives in a group, a zero rate in a ratio).</summary>
public sealed record FairnessReport
{
    /// <summary>The sensitive attribute's column.</summary>
    public required string Attribute { get; init; }

    /// <summary>Rates per group, ordered by group.</summary>
    public required IReadOnlyList<GroupRates> Groups { get; init; }

    /// <summary>Fairlearn: max − min selection rate over groups.</summary>
    public required double DemographicParityDifference { get; init; }

    /// <summary>Fairlearn: min / max selection rate.</summary>
    public required double DemographicParityRatio { get; init; }

    /// <summary>Fairlearn: the larger of the TPR and FPR differences (max − min over groups).</summary>
    public required double EqualizedOddsDifference { get; init; }

    /// <summary>Fairlearn: the smaller of the TPR and FPR ratios (min / max over groups).</summary>
    public required double EqualizedOddsRatio { get; init; }

    /// <summary>Fairlearn's true-positive-rate difference (max − min over groups).</summary>
    public required double EqualOpportunityDifferenceAcrossGroups { get; init; }

    /// <summary>Fairlearn's true-positive-rate ratio (min / max over groups).</summary>
    public required double EqualOpportunityRatio { get; init; }

    /// <summary>AIF360: the entropy-based Theil index of b = ŷ − y + 1 over all rows.</summary>
    public required double TheilIndex { get; init; }

    /// <summary>The AIF360 comparisons of the unprivileged rows with the privileged group, when one was named.</summary>
    public PrivilegedComparison? Privileged { get; init; }
}
