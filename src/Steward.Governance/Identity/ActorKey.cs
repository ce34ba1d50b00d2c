namespace Steward.Governance.Identity;

/// <summary>A public key an actor registered to sign decisions.</summary>
/// <param name="KeyId">Lowercase hex of the first 16 bytes of SHA-256 over the SPKI DER.</param>
/// <param name="ActorId">Whose key it is.</param>
/// <param name="Alg"><c>ed25519</c> or <c>ecdsa-p256</c>.</param>
/// <param name="PublicKey">SPKI PEM.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="RevokedAt">Revocation time, if revoked.</param>
/// <param name="LedgerIndex">Ledger entry of the registration.</param>
public sealed record ActorKey(string KeyId, string ActorId, string Alg, string PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, long LedgerIndex);
