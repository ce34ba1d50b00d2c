namespace Steward.Drift.Fairness;

/// <summary>The fairness of one sensitive attribute in a drift report, on the current data and, when it has rows, the reference.</summary>
public sealed record FairnessSection
{
    /// <summary>The sensitive attribute's column.</summary>
    public required string Attribute { get; init; }

    /// <summary>The privileged value, when one was named.</summary>
    public string? Privileged { get; init; }

    /// <summary>On the current data.</summary>
    public required FairnessReport Current { get; init; }

    /// <summary>On the reference data, when it has rows.</summary>
    public FairnessReport? Reference { get; init; }
}
