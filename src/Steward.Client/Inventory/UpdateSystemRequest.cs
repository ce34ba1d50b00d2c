namespace Steward.Client;

/// <summary>Changes an AI system; members left <see langword="null"/> are not changed.</summary>
public sealed record UpdateSystemRequest
{
    /// <summary>What the system is for.</summary>
    public string? Purpose { get; init; }

    /// <summary>The accountable owner.</summary>
    public string? Owner { get; init; }

    /// <summary>The business unit that runs it.</summary>
    public string? BusinessUnit { get; init; }

    /// <summary>unacceptable, high, limited or minimal.</summary>
    public string? RiskTier { get; init; }

    /// <summary>proposed, active, suspended or retired.</summary>
    public string? Status { get; init; }
}
