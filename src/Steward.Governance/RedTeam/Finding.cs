using Steward.Governance.Decisions;

namespace Steward.Governance.RedTeam;

/// <summary>
/// A red-team finding: a weakness found in a system, by people in an exercise or by the probe kit. Its status
/// moves between open, mitigated and risk_accepted (the last only with an approved risk-acceptance decision).
/// </summary>
/// <param name="Id">UUIDv7 of the recording ledger entry.</param>
/// <param name="SystemId">The affected system.</param>
/// <param name="ExerciseId">The exercise it was found in, if any (probe findings may have none).</param>
/// <param name="Title">One line.</param>
/// <param name="Description">What was found and how to reproduce it.</param>
/// <param name="Severity">critical, high, medium, low or info.</param>
/// <param name="Atlas">MITRE ATLAS technique ids (<c>AML.T0043</c>, <c>AML.T0024.001</c>).</param>
/// <param name="OwaspLlm">OWASP Top 10 for LLM Applications (2025) ids, <c>LLM01</c>–<c>LLM10</c>.</param>
/// <param name="Evidence">Links and/or SHA-256 digests of the evidence.</param>
/// <param name="Source">manual, or probe:classifier / probe:llm for the probe kit.</param>
/// <param name="Status">open, mitigated or risk_accepted.</param>
/// <param name="RiskAcceptance">The risk_acceptance decision behind status risk_accepted, else null.</param>
/// <param name="StatusNote">The note given with the last status change.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="StatusChangedBy">Who changed the status last, if anyone.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="LedgerIndex">Index of the latest ledger entry about it.</param>
public sealed record Finding(
    string Id, string SystemId, string? ExerciseId, string Title, string Description, string Severity,
    IReadOnlyList<string> Atlas, IReadOnlyList<string> OwaspLlm, IReadOnlyList<Evidence> Evidence, string Source,
    string Status, string? RiskAcceptance, string? StatusNote, string RecordedBy, DateTimeOffset RecordedAt,
    string? StatusChangedBy, DateTimeOffset? StatusChangedAt, long LedgerIndex)
{
    /// <summary>Severities, most severe first.</summary>
    public static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    /// <summary>Statuses.</summary>
    public static readonly string[] Statuses = ["open", "mitigated", "risk_accepted"];

    /// <summary>Sources: people, or one of the probe kinds.</summary>
    public static readonly string[] Sources = ["manual", "probe:classifier", "probe:llm"];
}

/// <summary>What recording a finding takes.</summary>
public sealed record FindingRequest(
    string? SystemId, string? ExerciseId, string? Title, string? Description, string? Severity,
    IReadOnlyList<string>? Atlas, IReadOnlyList<string>? OwaspLlm, IReadOnlyList<Evidence>? Evidence, string? Source);

/// <summary>A status change: <c>{status, risk_acceptance_decision?, note}</c>.</summary>
public sealed record FindingStatusChange(string? Status, string? RiskAcceptanceDecision, string? Note);
