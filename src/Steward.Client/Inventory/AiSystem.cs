namespace Steward.Client;

/// <summary>An AI system in the inventory.</summary>
/// <param name="Id">The system's id.</param>
/// <param name="Name">The unique name.</param>
/// <param name="Purpose">What the system is for.</param>
/// <param name="Owner">The accountable owner.</param>
/// <param name="BusinessUnit">The business unit that runs it.</param>
/// <param name="RiskTier">unacceptable, high, limited or minimal.</param>
/// <param name="Status">proposed, active, suspended or retired.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CreatedBy">The actor that registered it.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
/// <param name="LedgerIndex">The index of the ledger entry that recorded its registration.</param>
/// <param name="Stage">The lifecycle stage: intake, risk_assessment, development, validation, deployment, monitoring or retired.</param>
public sealed record AiSystem(
    string Id,
    string Name,
    string? Purpose,
    string Owner,
    string? BusinessUnit,
    string RiskTier,
    string Status,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? UpdatedAt,
    long? LedgerIndex,
    string? Stage = null);
