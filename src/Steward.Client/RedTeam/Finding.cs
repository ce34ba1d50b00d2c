namespace Steward.Client;

/// <summary>A red-team finding.</summary>
/// <param name="Id">The finding's id.</param>
/// <param name="SystemId">The affected system.</param>
/// <param name="ExerciseId">The exercise it was found in, if any.</param>
/// <param name="Title">One line.</param>
/// <param name="Description">What was found.</param>
/// <param name="Severity">critical, high, medium, low or info.</param>
/// <param name="Atlas">MITRE ATLAS technique ids.</param>
/// <param name="OwaspLlm">OWASP Top 10 for LLM Applications ids.</param>
/// <param name="Evidence">The evidence.</param>
/// <param name="Source">manual, probe:classifier or probe:llm.</param>
/// <param name="Status">open, mitigated or risk_accepted.</param>
/// <param name="RiskAcceptance">The risk_acceptance decision behind risk_accepted.</param>
/// <param name="StatusNote">The note of the last status change.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="StatusChangedBy">Who changed the status last.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="LedgerIndex">The index of the latest ledger entry about it.</param>
public sealed record Finding(
    string Id,
    string SystemId,
    string? ExerciseId,
    string Title,
    string Description,
    string Severity,
    IReadOnlyList<string> Atlas,
    IReadOnlyList<string> OwaspLlm,
    IReadOnlyList<Evidence>? Evidence,
    string Source,
    string Status,
    string? RiskAcceptance,
    string? StatusNote,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    long? LedgerIndex);
