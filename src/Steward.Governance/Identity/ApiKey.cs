namespace Steward.Governance.Identity;

/// <summary>An API key as stored (never the secret).</summary>
public sealed record ApiKey(
    string Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A newly created key with its secret, which is shown once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
