namespace Steward.Client;

/// <summary>The signature sent with a decision.</summary>
/// <param name="KeyId">The id of a signing key registered by the same actor.</param>
/// <param name="Sig">The base64 signature over the canonical JSON of the request without <c>signature</c>.</param>
public sealed record DecisionSignature(string KeyId, string Sig);
