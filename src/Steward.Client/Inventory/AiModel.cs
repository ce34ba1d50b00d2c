namespace Steward.Client;

/// <summary>A model in the inventory.</summary>
/// <param name="Id">The model's id.</param>
/// <param name="Name">The name.</param>
/// <param name="SystemId">The system it belongs to, if any.</param>
/// <param name="Owner">The accountable owner.</param>
/// <param name="Description">A description.</param>
/// <param name="Framework">The framework it is built with.</param>
/// <param name="Uri">Where the model lives (registry, artifact store).</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CreatedBy">The actor that registered it.</param>
/// <param name="LedgerIndex">The index of the ledger entry that recorded its registration.</param>
public sealed record AiModel(
    string Id,
    string Name,
    string? SystemId,
    string Owner,
    string? Description,
    string? Framework,
    string? Uri,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    long? LedgerIndex);
