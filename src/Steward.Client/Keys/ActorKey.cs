namespace Steward.Client;

/// <summary>A public key an actor signs decisions with.</summary>
/// <param name="KeyId">Lowercase hex of the first 16 bytes of SHA-256 over the SPKI DER.</param>
/// <param name="Alg">ed25519 or ecdsa-p256.</param>
/// <param name="ActorId">The actor that owns the key.</param>
/// <param name="PublicKey">The SPKI PEM public key.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="RevokedAt">When it was revoked, or <see langword="null"/> while it is valid.</param>
/// <param name="LedgerIndex">The index of the ledger entry that recorded its registration.</param>
public sealed record ActorKey(
    string KeyId,
    string Alg,
    string ActorId,
    string PublicKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    long? LedgerIndex);
