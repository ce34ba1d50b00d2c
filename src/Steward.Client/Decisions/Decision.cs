namespace Steward.Client;

/// <summary>A recorded decision; decisions are never edited, only superseded.</summary>
/// <param name="Id">The decision's id.</param>
/// <param name="Type">The decision type.</param>
/// <param name="Subject">What was decided on.</param>
/// <param name="Outcome">approved or rejected.</param>
/// <param name="Rationale">Why.</param>
/// <param name="RiskAcknowledged">The risk knowingly accepted, if any.</param>
/// <param name="Evidence">The evidence the decision rests on.</param>
/// <param name="Refs">References to other tools.</param>
/// <param name="Supersedes">The earlier decision this one corrects, if any.</param>
/// <param name="Signature">The verified signature, or <see langword="null"/> for an unsigned decision.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="LedgerIndex">The index of its ledger entry.</param>
public sealed record Decision(
    string Id,
    string Type,
    SubjectRef Subject,
    string Outcome,
    string Rationale,
    RiskAcknowledgement? RiskAcknowledged,
    IReadOnlyList<Evidence>? Evidence,
    IReadOnlyDictionary<string, string>? Refs,
    string? Supersedes,
    RecordedSignature? Signature,
    ActorRef Actor,
    DateTimeOffset RecordedAt,
    long? LedgerIndex);
