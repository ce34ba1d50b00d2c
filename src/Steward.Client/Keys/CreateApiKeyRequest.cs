namespace Steward.Client;

/// <summary>Creates an API key.</summary>
/// <param name="Name">A name that says who or what uses the key.</param>
/// <param name="Roles">admin, approver, contributor, auditor or service.</param>
/// <param name="ExpiresAt">When the key stops working; <see langword="null"/> for never.</param>
/// <param name="Actor">Whose key it is (the actor recorded in the ledger); <see langword="null"/> for the key's name.
/// Give all keys of one person the same actor, so separation of duties sees one person.</param>
public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt = null, string? Actor = null);
