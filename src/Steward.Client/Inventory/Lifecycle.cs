namespace Steward.Client;

/// <summary>A requirement a stage change does not meet.</summary>
/// <param name="Rule">The gate rule's name.</param>
/// <param name="Message">What is missing and what to do.</param>
public sealed record UnmetRequirement(string Rule, string Message);

/// <summary>A gate's answer: whether a system may move to a stage, and why not.</summary>
/// <param name="Allowed">True when nothing is unmet.</param>
/// <param name="Unmet">Every unmet requirement.</param>
/// <param name="SystemId">The system.</param>
/// <param name="From">Its stage.</param>
/// <param name="To">The stage asked for.</param>
/// <param name="PolicyRevision">The policy revision that decided.</param>
/// <param name="EvaluatedAt">When.</param>
public sealed record GateAnswer(
    bool Allowed, IReadOnlyList<UnmetRequirement> Unmet, string? SystemId, string? From, string? To, long? PolicyRevision, DateTimeOffset? EvaluatedAt);

/// <summary>What asking for a stage change gave.</summary>
/// <param name="Changed">True when the system moved.</param>
/// <param name="System">The system in its new stage (when it moved).</param>
/// <param name="Gate">The gate's answer (with the unmet requirements when it refused).</param>
/// <param name="LedgerIndex">The <c>stage.changed</c> entry (when it moved).</param>
public sealed record StageChangeOutcome(bool Changed, AiSystem? System, GateAnswer Gate, long? LedgerIndex);

/// <summary>A recorded stage change or refusal.</summary>
/// <param name="LedgerIndex">Its ledger entry.</param>
/// <param name="Type"><c>stage.changed</c> or <c>stage.change_refused</c>.</param>
/// <param name="Time">When (RFC 3339).</param>
/// <param name="Actor">Who asked.</param>
/// <param name="From">The stage before.</param>
/// <param name="To">The stage asked for.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="Unmet">For a refusal, what was unmet.</param>
public sealed record StageEvent(long LedgerIndex, string Type, string Time, string Actor, string From, string To, string? Reason, IReadOnlyList<UnmetRequirement>? Unmet);

/// <summary>The body of a stage change request.</summary>
/// <param name="To">The stage.</param>
/// <param name="Reason">Why (recorded).</param>
internal sealed record StageChangeRequest(string To, string? Reason);

/// <summary>The server's answer to an allowed stage change.</summary>
internal sealed record StageChangeAnswer(AiSystem System, GateAnswer Gate, long LedgerIndex);
