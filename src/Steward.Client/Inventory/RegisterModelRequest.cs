namespace Steward.Client;

/// <summary>Registers a model.</summary>
public sealed record RegisterModelRequest
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The system it belongs to, if any.</summary>
    public string? SystemId { get; init; }

    /// <summary>The accountable owner.</summary>
    public required string Owner { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>The framework it is built with.</summary>
    public string? Framework { get; init; }

    /// <summary>Where the model lives (registry, artifact store).</summary>
    public string? Uri { get; init; }
}
