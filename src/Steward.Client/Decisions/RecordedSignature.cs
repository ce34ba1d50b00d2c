namespace Steward.Client;

/// <summary>The signature of a recorded decision, as verified by the server.</summary>
/// <param name="KeyId">The id of the signing key.</param>
/// <param name="Alg">ed25519 or ecdsa-p256.</param>
/// <param name="Sig">The base64 signature.</param>
public sealed record RecordedSignature(string KeyId, string Alg, string Sig);
