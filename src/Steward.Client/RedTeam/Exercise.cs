namespace Steward.Client;

/// <summary>A red-team exercise against one AI system.</summary>
/// <param name="Id">The exercise's id.</param>
/// <param name="SystemId">The system under test.</param>
/// <param name="Name">Short name.</param>
/// <param name="Scope">What was in scope.</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day.</param>
/// <param name="Team">The people on the team.</param>
/// <param name="Status">planned, running or completed.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="LedgerIndex">The index of the latest ledger entry about it.</param>
public sealed record Exercise(
    string Id,
    string SystemId,
    string Name,
    string Scope,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> Team,
    string Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    long? LedgerIndex);
