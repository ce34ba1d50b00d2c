using System.Text.Json.Nodes;
using Steward.Governance.Events;

namespace Steward.Governance.Decisions;

/// <summary>A recorded human decision. Never edited: a correction is a new decision that supersedes it.</summary>
public sealed record Decision(
    string Id, string Type, Subject Subject, string Outcome, string Rationale, JsonNode? RiskAcknowledged,
    IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<string, string> Refs, string? Supersedes,
    DecisionSignature? Signature, Actor Actor, DateTimeOffset RecordedAt, long LedgerIndex)
{
    /// <summary>Decision types Steward knows; custom types match <c>^[a-z][a-z0-9_]{1,63}$</c>.</summary>
    public static readonly string[] KnownTypes =
        ["dataset_approval", "business_approval", "ethical_review", "deployment_approval", "risk_acceptance", "waiver"];

    /// <summary>Outcomes.</summary>
    public static readonly string[] Outcomes = ["approved", "rejected"];
}

/// <summary>A piece of evidence: a link and/or the SHA-256 digest of a document.</summary>
public sealed record Evidence(string? Uri, string? Sha256);

/// <summary>An actor's signature over the decision's canonical payload.</summary>
public sealed record DecisionSignature(string KeyId, string Alg, string Sig);
