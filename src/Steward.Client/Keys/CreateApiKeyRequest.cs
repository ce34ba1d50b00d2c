namespace Steward.Client;

/// <summary>Creates an API key.</summary>
/// <param name="Name">A name that says who or what uses the key.</param>
/// <param name="Roles">admin, approver, contributor, auditor or service.</param>
/// <param name="ExpiresAt">When the key stops working; <see langword="null"/> for never.</param>
public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt = null);
