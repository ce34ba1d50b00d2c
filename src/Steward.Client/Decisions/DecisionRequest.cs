using System.Text.Json.Nodes;

namespace Steward.Client;

/// <summary>Records a decision: <c>POST /api/v1/decisions</c>.</summary>
public sealed record DecisionRequest
{
    /// <summary>
    /// dataset_approval, business_approval, ethical_review, deployment_approval, risk_acceptance,
    /// waiver, or a custom type matching <c>^[a-z][a-z0-9_]{1,63}$</c>.
    /// </summary>
    public required string Type { get; init; }

    /// <summary>The system, model or dataset decided on; it must exist.</summary>
    public required SubjectRef Subject { get; init; }

    /// <summary>approved or rejected.</summary>
    public required string Outcome { get; init; }

    /// <summary>Why.</summary>
    public required string Rationale { get; init; }

    /// <summary>The risk knowingly accepted, as a text or a boolean.</summary>
    public RiskAcknowledgement? RiskAcknowledged { get; init; }

    /// <summary>The evidence the decision rests on.</summary>
    public IReadOnlyList<Evidence>? Evidence { get; init; }

    /// <summary>References to other tools (MLflow run ids, tickets, ...).</summary>
    public IDictionary<string, string>? Refs { get; init; }

    /// <summary>The id of an earlier decision that this one corrects.</summary>
    public string? Supersedes { get; init; }

    /// <summary>The actor's signature over <see cref="ToSigningPayload"/> in canonical form.</summary>
    public DecisionSignature? Signature { get; init; }

    /// <summary>
    /// The JSON object the signature covers: the request exactly as sent on the wire, without the
    /// <c>signature</c> member. Sign its canonical JSON (sorted keys, no whitespace).
    /// </summary>
    /// <returns>The object to canonicalize and sign.</returns>
    public JsonObject ToSigningPayload() =>
        StewardJson.ToJsonNode(this with { Signature = null })!.AsObject();
}
