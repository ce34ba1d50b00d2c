namespace Steward.Client;

/// <summary>The body of <c>POST /api/v1/actor-keys</c>.</summary>
internal sealed record RegisterActorKeyRequest(string PublicKey);
