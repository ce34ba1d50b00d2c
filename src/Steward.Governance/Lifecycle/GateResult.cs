namespace Steward.Governance.Lifecycle;

/// <summary>What a gate policy said about moving a system to a stage.</summary>
/// <param name="SystemId">The system.</param>
/// <param name="From">The stage it was in.</param>
/// <param name="To">The stage asked for.</param>
/// <param name="Allowed">True when no requirement is unmet.</param>
/// <param name="Unmet">Every unmet requirement, sorted by rule then message.</param>
/// <param name="PolicyRevision">The policy revision (ledger index of the latest policy change) that decided.</param>
/// <param name="EvaluatedAt">When it was decided.</param>
public sealed record GateResult(
    string SystemId, string From, string To, bool Allowed, IReadOnlyList<UnmetRequirement> Unmet, long PolicyRevision, DateTimeOffset EvaluatedAt);

/// <summary>One requirement a stage change does not meet.</summary>
/// <param name="Rule">The rule's name (stable; for automation).</param>
/// <param name="Message">What is missing and what to do, for a person.</param>
public sealed record UnmetRequirement(string Rule, string Message);
