namespace Steward.Client;

/// <summary>A dataset in the inventory.</summary>
/// <param name="Id">The dataset's id.</param>
/// <param name="Name">The name.</param>
/// <param name="SystemId">The system it belongs to, if any.</param>
/// <param name="Owner">The accountable owner.</param>
/// <param name="Description">A description.</param>
/// <param name="Uri">Where the data lives.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the data, if known.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CreatedBy">The actor that registered it.</param>
/// <param name="LedgerIndex">The index of the ledger entry that recorded its registration.</param>
public sealed record Dataset(
    string Id,
    string Name,
    string? SystemId,
    string Owner,
    string? Description,
    string? Uri,
    string? Sha256,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    long? LedgerIndex);
