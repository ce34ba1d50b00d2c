namespace Steward.Drift.Profiles;

/// <summary>What a profiled column holds.</summary>
public enum ProfileColumnKind
{
    /// <summary>Numbers (NaN and ±infinity count as missing).</summary>
    Numbers,

    /// <summary>Labels (null and empty count as missing).</summary>
    Labels,
}
