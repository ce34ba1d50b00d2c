namespace Steward.Client;

/// <summary>Registers an AI system.</summary>
public sealed record RegisterSystemRequest
{
    /// <summary>The unique name.</summary>
    public required string Name { get; init; }

    /// <summary>What the system is for.</summary>
    public string? Purpose { get; init; }

    /// <summary>The accountable owner.</summary>
    public required string Owner { get; init; }

    /// <summary>The business unit that runs it.</summary>
    public string? BusinessUnit { get; init; }

    /// <summary>unacceptable, high, limited or minimal.</summary>
    public required string RiskTier { get; init; }

    /// <summary>proposed (the server's default), active, suspended or retired.</summary>
    public string? Status { get; init; }
}
