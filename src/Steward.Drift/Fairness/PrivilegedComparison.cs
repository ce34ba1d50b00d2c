namespace Steward.Drift.Fairness;

/// <summary>AIF360's metrics: the unprivileged rows (every group but the privileged one) against the privileged group.</summary>
public sealed record PrivilegedComparison
{
    /// <summary>The privileged value of the attribute.</summary>
    public required string PrivilegedGroup { get; init; }

    /// <summary>P(ŷ = 1 | unprivileged) / P(ŷ = 1 | privileged).</summary>
    public required double DisparateImpact { get; init; }

    /// <summary>Whether the disparate impact is at least 0.8 (the four-fifths rule).</summary>
    public required bool FourFifthsRulePasses { get; init; }

    /// <summary>P(ŷ = 1 | unprivileged) − P(ŷ = 1 | privileged).</summary>
    public required double StatisticalParityDifference { get; init; }

    /// <summary>½ [(FPR_u − FPR_p) + (TPR_u − TPR_p)].</summary>
    public required double AverageOddsDifference { get; init; }

    /// <summary>TPR_u − TPR_p.</summary>
    public required double EqualOpportunityDifference { get; init; }
}
