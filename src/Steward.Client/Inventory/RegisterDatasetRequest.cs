namespace Steward.Client;

/// <summary>Registers a dataset.</summary>
public sealed record RegisterDatasetRequest
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The system it belongs to, if any.</summary>
    public string? SystemId { get; init; }

    /// <summary>The accountable owner.</summary>
    public required string Owner { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data lives.</summary>
    public string? Uri { get; init; }

    /// <summary>The lowercase hex SHA-256 of the data.</summary>
    public string? Sha256 { get; init; }
}
